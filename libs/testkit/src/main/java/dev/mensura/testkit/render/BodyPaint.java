package dev.mensura.testkit.render;

import java.awt.Color;

/**
 * Per-vertex albedo (0..1 RGB, used as sRGB values) of the body, eyes and lashes. The hm08 mesh has no texture
 * we could use offline, so face features are painted from rest-pose geometry (decimetres, found by
 * inspecting base.obj): hair above a hairline that drops from the forehead to the nape, eyebrows
 * above the eyes, darker lips (the shorts are drawn per pixel, see {@link #shorts}). Soft edges keep
 * the painted borders from looking like mesh facets. These features give a face detector the dark
 * eyes/brows/mouth pattern it expects and break up the all-skin silhouette.
 */
final class BodyPaint {

    private BodyPaint() {
    }

    static float[] albedo(BodyMesh mesh, Appearance look) {
        double[] p = mesh.positionsShared();
        int n = mesh.vertexCount();
        float[] out = new float[3 * n];
        double[] skin = rgb(look.skin());
        double[] hair = rgb(look.hair());
        double[] lips = {skin[0] * 0.80, skin[1] * 0.58, skin[2] * 0.57};
        double[] brow = mix(scale(hair, 0.6), skin, 0.12);
        for (int v = 0; v < n; v++) {
            double x = p[3 * v];
            double y = p[3 * v + 1];
            double z = p[3 * v + 2];
            double[] c = skin;
            c = mix(c, lips, lipAmount(x, y, z));
            c = mix(c, brow, browAmount(x, y, z));
            c = mix(c, hair, hairAmount(x, y, z));
            put(out, v, c);
        }
        paintEyes(mesh, p, out);
        double[] lash = {hair[0] * 0.35, hair[1] * 0.35, hair[2] * 0.35};
        for (int v : mesh.lashTrianglesShared()) {
            put(out, v, lash);
        }
        return out;
    }

    /** Hairline: 7.95 dm on the forehead, down past the temples and ears to 6.85 dm at the nape. */
    private static double hairAmount(double x, double y, double z) {
        if (y < 6.6 || Math.abs(x) > 1.0) {
            return 0;
        }
        double line;
        if (z >= 1.15) {
            line = 7.95;
        } else if (z >= 0.55) {
            line = lerp(7.62, 7.95, (z - 0.55) / 0.6);
        } else if (z >= -0.15) {
            line = lerp(6.85, 7.62, (z + 0.15) / 0.7);
        } else {
            line = 6.85;
        }
        return smoothstep(line - 0.05, line + 0.05, y);
    }

    /** Two slightly arched bands above the eyes (eyeball centres at x = ±0.31, y = 7.28). */
    private static double browAmount(double x, double y, double z) {
        if (z < 1.1) {
            return 0;
        }
        double dx = (Math.abs(x) - 0.33) / 0.21;
        double centreY = 7.55 - 0.06 * dx * dx; // the arch
        double dy = (y - centreY) / 0.055;
        double r = dx * dx + dy * dy;
        return 1 - smoothstep(0.6, 1.0, r);
    }

    /** Lips around the mouth slit (y ≈ 6.70 dm at the front of the face). */
    private static double lipAmount(double x, double y, double z) {
        if (z < 1.3) {
            return 0;
        }
        double dx = x / 0.22;
        double dy = (y - 6.70) / 0.08;
        return 1 - smoothstep(0.55, 1.0, dx * dx + dy * dy);
    }

    /**
     * Shorts from mid-thigh (y = −1.6 dm) to just below the waist (y = 1.4 dm), drawn per pixel
     * ({@link Rasterizer.Garment}) on the rest-pose height; arm vertices get a coordinate far
     * outside the band so hands resting on the hips stay skin.
     */
    static Rasterizer.Garment shorts(BodyMesh mesh, Appearance look, float[] shade) {
        double[] p = mesh.positionsShared();
        LimbRig arms = LimbRig.of(mesh);
        float[] coord = new float[mesh.vertexCount()];
        for (int v = 0; v < coord.length; v++) {
            boolean arm = Math.max(arms.left[v], arms.right[v]) > 0.5;
            coord[v] = arm ? 1e3f : (float) p[3 * v + 1];
        }
        double[] c = rgb(look.shorts());
        return new Rasterizer.Garment(coord, shade, -1.6f, 1.4f, 0.03f,
                new float[] {(float) c[0], (float) c[1], (float) c[2]});
    }

    private static double[] scale(double[] c, double k) {
        return new double[] {c[0] * k, c[1] * k, c[2] * k};
    }

    /** Pupil and iris (dark) where the eyeball faces forward, sclera around them. */
    private static void paintEyes(BodyMesh mesh, double[] p, float[] out) {
        double[] pupil = {0.02, 0.02, 0.02};
        double[] iris = {0.16, 0.10, 0.07};
        double[] sclera = {0.78, 0.75, 0.72};
        double[] left = mesh.joints().get(Joints.L_EYE); // the eyeball centres
        double[] right = mesh.joints().get(Joints.R_EYE);
        for (int v : mesh.eyeVerticesShared()) {
            double[] c = p[3 * v] > 0 ? left : right;
            double dx = p[3 * v] - c[0];
            double dy = p[3 * v + 1] - c[1];
            double dz = p[3 * v + 2] - c[2];
            double cos = dz / Math.sqrt(dx * dx + dy * dy + dz * dz);
            put(out, v, cos > Math.cos(Math.toRadians(20)) ? pupil
                    : cos > Math.cos(Math.toRadians(46)) ? iris : sclera);
        }
    }

    static double[] rgb(Color c) {
        return new double[] {c.getRed() / 255.0, c.getGreen() / 255.0, c.getBlue() / 255.0};
    }

    private static void put(float[] out, int v, double[] c) {
        out[3 * v] = (float) c[0];
        out[3 * v + 1] = (float) c[1];
        out[3 * v + 2] = (float) c[2];
    }

    private static double[] mix(double[] a, double[] b, double t) {
        if (t <= 0) {
            return a;
        }
        return new double[] {lerp(a[0], b[0], t), lerp(a[1], b[1], t), lerp(a[2], b[2], t)};
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * Math.max(0, Math.min(1, t));
    }

    private static double smoothstep(double e0, double e1, double x) {
        double t = Math.max(0, Math.min(1, (x - e0) / (e1 - e0)));
        return t * t * (3 - 2 * t);
    }
}
