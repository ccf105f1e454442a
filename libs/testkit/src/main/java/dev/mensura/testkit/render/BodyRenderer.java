package dev.mensura.testkit.render;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders figures with a pinhole {@link Camera}: flat background, Lambert shading from one
 * directional light a little above and to the left of the camera (so the nose, brows and chin
 * throw soft shading, as under indoor light) plus ambient, per-vertex (Gouraud) colour, and
 * supersampling (each pixel is the mean of {@code ss × ss} samples) to soften the staircase
 * edges a real lens never produces. Deterministic: no randomness here (see {@link Scene}).
 */
public final class BodyRenderer {

    static final float AMBIENT = 0.40f;
    static final float DIFFUSE = 0.62f;

    private BodyRenderer() {
    }

    /**
     * @param supersample samples per pixel along each axis (1 = none)
     * @return the image, the body mask (pixels at least half covered by any figure) and the first
     *     figure's projected joints, stature and camera distance
     */
    public static RenderedScene render(Camera camera, Color background, int supersample, List<Figure> figures) {
        if (figures.isEmpty() || figures.size() > 127) {
            throw new IllegalArgumentException("Need 1..127 figures, got " + figures.size());
        }
        int ss = Math.max(1, supersample);
        Camera fine = camera.scaled(ss);
        Rasterizer raster = new Rasterizer(fine.width(), fine.height(), toFloats(background));
        double[] light = lightDirection(camera);
        for (int k = 0; k < figures.size(); k++) {
            drawFigure(raster, fine, light, figures.get(k), (byte) (k + 1));
        }
        BufferedImage image = new BufferedImage(camera.width(), camera.height(), BufferedImage.TYPE_INT_RGB);
        boolean[] mask = downsample(raster, ss, image);
        Figure first = figures.get(0);
        return new RenderedScene(image, mask, joints2d(camera, first), joints3d(first), camera,
                horizontalDistance(camera, first), first.statureCm(), staturePx(camera, first), figures.size());
    }

    /** From the body towards the camera, raised ~25° and moved ~18° to the camera's left. */
    static double[] lightDirection(Camera camera) {
        double[] toCamera = Camera.scale(camera.forward(), -1);
        double[] left = Camera.normalize(Camera.cross(new double[] {0, 1, 0}, toCamera));
        double[] l = Camera.add(Camera.add(toCamera, new double[] {0, 0.47, 0}), Camera.scale(left, 0.33));
        return Camera.normalize(l);
    }

    private static void drawFigure(Rasterizer raster, Camera cam, double[] light, Figure fig, byte id) {
        PosedBody body = fig.body();
        BodyMesh mesh = body.mesh();
        double[] pos = body.positionsShared();
        int n = mesh.vertexCount();
        float[] normals = vertexNormals(pos, n, mesh.bodyTrianglesShared(), mesh.eyeTrianglesShared());
        float[] albedo = BodyPaint.albedo(mesh, fig.appearance());
        float[] sx = new float[n];
        float[] sy = new float[n];
        float[] iz = new float[n];
        float[] rgb = new float[3 * n];
        float[] shades = new float[n];
        for (int v = 0; v < n; v++) {
            double[] w = fig.toWorld(pos[3 * v], pos[3 * v + 1], pos[3 * v + 2]);
            double[] s = cam.project(w);
            sx[v] = (float) s[0];
            sy[v] = (float) s[1];
            iz[v] = s[2] > 1e-3 ? (float) (1.0 / s[2]) : -1f;
            double[] nw = fig.turn(normals[3 * v], normals[3 * v + 1], normals[3 * v + 2]);
            float shade = AMBIENT + DIFFUSE * (float) Math.max(0, Camera.dot(nw, light));
            shades[v] = shade;
            for (int c = 0; c < 3; c++) {
                rgb[3 * v + c] = albedo[3 * v + c] * shade;
            }
        }
        raster.draw(mesh.bodyTrianglesShared(), sx, sy, iz, rgb, BodyPaint.shorts(mesh, fig.appearance(), shades),
                true, id);
        raster.draw(mesh.eyeTrianglesShared(), sx, sy, iz, rgb, true, id);
        // Lashes are single-sided cards: never culled, and unlit (they are thin and dark anyway).
        raster.draw(mesh.lashTrianglesShared(), sx, sy, iz, albedo, false, id);
    }

    /** Area-weighted vertex normals (mesh frame) of the given triangle lists; outward by the winding. */
    static float[] vertexNormals(double[] pos, int n, int[]... triangleLists) {
        float[] nrm = new float[3 * n];
        for (int[] tris : triangleLists) {
            for (int t = 0; t < tris.length; t += 3) {
                int a = 3 * tris[t];
                int b = 3 * tris[t + 1];
                int c = 3 * tris[t + 2];
                double ux = pos[b] - pos[a];
                double uy = pos[b + 1] - pos[a + 1];
                double uz = pos[b + 2] - pos[a + 2];
                double vx = pos[c] - pos[a];
                double vy = pos[c + 1] - pos[a + 1];
                double vz = pos[c + 2] - pos[a + 2];
                float nx = (float) (uy * vz - uz * vy);
                float ny = (float) (uz * vx - ux * vz);
                float nz = (float) (ux * vy - uy * vx);
                for (int corner : new int[] {a, b, c}) {
                    nrm[corner] += nx;
                    nrm[corner + 1] += ny;
                    nrm[corner + 2] += nz;
                }
            }
        }
        for (int v = 0; v < n; v++) {
            float len = (float) Math.sqrt(nrm[3 * v] * nrm[3 * v] + nrm[3 * v + 1] * nrm[3 * v + 1]
                    + nrm[3 * v + 2] * nrm[3 * v + 2]);
            if (len > 0) {
                nrm[3 * v] /= len;
                nrm[3 * v + 1] /= len;
                nrm[3 * v + 2] /= len;
            }
        }
        return nrm;
    }

    /** Box-filters the supersampled buffers into {@code image}; returns the majority-coverage mask. */
    private static boolean[] downsample(Rasterizer r, int ss, BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] pixels = new int[w * h];
        boolean[] mask = new boolean[w * h];
        float norm = 255f / (ss * ss);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float sr = 0;
                float sg = 0;
                float sb = 0;
                int covered = 0;
                for (int dy = 0; dy < ss; dy++) {
                    int row = (y * ss + dy) * r.width + x * ss;
                    for (int dx = 0; dx < ss; dx++) {
                        int i = row + dx;
                        sr += r.red[i];
                        sg += r.green[i];
                        sb += r.blue[i];
                        if (r.figure[i] != 0) {
                            covered++;
                        }
                    }
                }
                pixels[y * w + x] = pack(sr * norm, sg * norm, sb * norm);
                mask[y * w + x] = 2 * covered >= ss * ss;
            }
        }
        image.setRGB(0, 0, w, h, pixels, 0, w);
        return mask;
    }

    static int pack(float r, float g, float b) {
        return (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
    }

    static int clamp(float v) {
        int i = Math.round(v);
        return i < 0 ? 0 : Math.min(255, i);
    }

    private static float[] toFloats(Color c) {
        return new float[] {c.getRed() / 255f, c.getGreen() / 255f, c.getBlue() / 255f};
    }

    private static Map<String, double[]> joints3d(Figure fig) {
        Map<String, double[]> out = new LinkedHashMap<>();
        fig.body().joints().forEach((name, p) -> out.put(name, fig.toWorld(p)));
        out.put(RenderedScene.HEAD_TOP, headTopWorld(fig));
        return out;
    }

    private static Map<String, double[]> joints2d(Camera cam, Figure fig) {
        Map<String, double[]> out = new LinkedHashMap<>();
        joints3d(fig).forEach((name, p) -> {
            double[] s = cam.project(p);
            out.put(name, new double[] {s[0], s[1]});
        });
        return out;
    }

    private static double[] headTopWorld(Figure fig) {
        double[] pos = fig.body().positionsShared();
        int v = fig.body().mesh().headTopVertex();
        return fig.toWorld(pos[3 * v], pos[3 * v + 1], pos[3 * v + 2]);
    }

    /** Pixel length of the vertical stature line: top of head down to the floor right below it. */
    private static double staturePx(Camera cam, Figure fig) {
        double[] top = headTopWorld(fig);
        double[] a = cam.project(top);
        double[] b = cam.project(top[0], 0, top[2]);
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }

    /** Camera to the figure's vertical centre line, measured on the floor plane. */
    private static double horizontalDistance(Camera cam, Figure fig) {
        double[] p = cam.position();
        return Math.hypot(p[0] - fig.offsetXCm(), p[2]);
    }
}
