package dev.mensura.fitting.bench;

import dev.mensura.fitting.body.BodyModel;
import dev.mensura.fitting.body.Rig;
import dev.mensura.fitting.fit.BodyFitter;
import dev.mensura.fitting.fit.ShapeSpace;
import dev.mensura.fitting.fit.ViewObservation;
import dev.mensura.silhouette.Outline;
import dev.mensura.testkit.render.BodyModelDir;
import dev.mensura.testkit.render.RenderedScene;
import dev.mensura.testkit.render.Scene;
import dev.mensura.testkit.render.View;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * fitting's accuracy and speed (docs/benchmarks.md). {@code n} seeded random bodies (macro
 * sliders and measure-* modifiers drawn from the shape space, stature 150–195 cm), each rendered
 * front and side by testkit's renderer with a jittered phone camera; the fit gets the render's
 * outline and its joints with Gaussian noise of {@code landmarkNoiseCm} (the oracle, standing in
 * for a perfect vision); its measurements are compared with the true body's. Speed: the fit's
 * time against the reference, one evaluation of the objective (a body blended, framed, both
 * photos' silhouettes and joints projected) in the same process.
 *
 * <p>{@code dev/bench-fitting [n] [landmarkNoiseCm] [outlinePoints] [first]}, defaults 20, 1.0, 1024 (vision's)
 * and 0.
 */
public final class FitBench {
    /**
     * How far inside the body's edge the oracle's outline runs: the trace's half pixel, less the
     * quarter pixel by which the renderer's mask reaches out (a pixel is the body when 2 of its
     * 2×2 subsamples are, so a straight edge counts from a quarter pixel's coverage on).
     */
    public static final double RENDER_MASK_INSET_PX = Outline.insetPx(1) - 0.25;

    /** Points in the oracle's outline: as many as vision sends, unless the third argument says otherwise. */
    private static int outlinePoints = 1024;

    private FitBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        double noise = args.length > 1 ? Double.parseDouble(args[1]) : 1.0;
        outlinePoints = args.length > 2 ? Integer.parseInt(args[2]) : outlinePoints;
        int first = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        ShapeSpace shapes = new ShapeSpace(BodyModel.load(BodyModelDir.resolve()));
        BodyFitter fitter = fitter(shapes);

        Accuracy accuracy = new Accuracy();
        double[] fitMs = new double[n];
        double[] evalMs = new double[n];
        double[] rms = new double[n];
        for (int i = 0; i < n; i++) {
            SyntheticBody body = SyntheticBody.draw(first + i, shapes);
            ViewObservation front = observe(body, View.FRONT, noise);
            ViewObservation side = observe(body, View.SIDE, noise);
            long t0 = System.nanoTime();
            BodyFitter.Fit fit = fitter.fit(front, side, body.statureCm());
            fitMs[i] = (System.nanoTime() - t0) / 1e6;
            evalMs[i] = fitter.evaluationMillis(front, side, body.statureCm(), fit);
            rms[i] = fit.silhouetteRmsCm();
            double mae = accuracy.add(fitter.measure(body.restDm(), body.statureCm(), body.female()), fit.measurements());
            System.out.printf(Locale.ROOT, "body %d: MAE %.1f mm, fit %.0f ms, silhouette rms %.2f cm, limbs %s° (true"
                    + " %s°)%n", first + i, 10 * mae, fitMs[i], rms[i], degrees(fit.limbAbduction(), true),
                    degrees(body.limbAbductionDeg(), false));
        }
        System.out.printf(Locale.ROOT, "%n%d bodies, landmark noise %.1f cm, %d outline points%n", n, noise,
                outlinePoints);
        accuracy.print();
        System.out.printf(Locale.ROOT, "fit time: p50 %.0f ms, p90 %.0f ms; one objective evaluation (reference): p50"
                + " %.1f ms; ratio p50 %.0fx%n", percentile(fitMs, 50), percentile(fitMs, 90), percentile(evalMs, 50),
                percentile(fitMs, 50) / percentile(evalMs, 50));
        System.out.printf(Locale.ROOT, "silhouette rms: p50 %.2f cm, p90 %.2f cm%n", percentile(rms, 50),
                percentile(rms, 90));
    }

    /** The fitter on the body model next to the checkout. */
    public static BodyFitter fitter(ShapeSpace shapes) throws java.io.IOException {
        return new BodyFitter(shapes, Rig.read(BodyModelDir.resolve()));
    }

    /** A random adult shape: clearly a woman or a man, sliders mid-range, modifiers within ±0.5. */
    public static double[] randomShape(Random r) {
        double[] p = new double[ShapeSpace.size()];
        p[0] = r.nextBoolean() ? 0.1 * r.nextDouble() : 0.9 + 0.1 * r.nextDouble();
        for (int i = 1; i < 4; i++) {
            p[i] = 0.25 + 0.5 * r.nextDouble();
        }
        for (int i = 4; i < p.length; i++) {
            p[i] = r.nextDouble() - 0.5;
        }
        return p;
    }

    /** The oracle's observation of a body: the render's outline and its joints with Gaussian noise. */
    public static ViewObservation observe(SyntheticBody body, View view, double noiseCm) {
        long seed = body.seed();
        double stature = body.statureCm();
        Random random = body.random();
        double[] positions = body.restPositions();
        RenderedScene scene = Scene.seeded(seed).view(view).shape(positions).statureCm(stature)
                .armAbductionDeg(body.limbAbductionDeg()[0], body.limbAbductionDeg()[1])
                .legAbductionDeg(body.limbAbductionDeg()[2], body.limbAbductionDeg()[3]).render();
        int w = scene.width();
        int h = scene.height();
        float[] outline = Outline.trace(scene.mask(), w, h, outlinePoints);
        for (int i = 0; i < outline.length; i += 2) {
            outline[i] *= w;
            outline[i + 1] *= h;
        }
        double pxPerCm = scene.staturePx() / stature;
        Map<String, double[]> joints = new HashMap<>();
        for (String j : List.of("joint-l-shoulder", "joint-r-shoulder", "joint-l-upper-leg", "joint-r-upper-leg",
                "joint-l-knee", "joint-r-knee", "joint-l-ankle", "joint-r-ankle")) {
            double[] p = scene.joint2d(j);
            joints.put(j, new double[] {p[0] + random.nextGaussian() * noiseCm * pxPerCm,
                p[1] + random.nextGaussian() * noiseCm * pxPerCm, 1});
        }
        return new ViewObservation(view == View.SIDE, w, h, scene.focalPx(), outline, joints, RENDER_MASK_INSET_PX);
    }

    private static String degrees(double[] angles, boolean radians) {
        StringBuilder b = new StringBuilder();
        for (double a : angles) {
            b.append(b.length() == 0 ? "" : "/").append(String.format(Locale.ROOT, "%+.1f", radians ? Math.toDegrees(a)
                    : a));
        }
        return b.toString();
    }

    private static double percentile(double[] values, double p) {
        return Accuracy.percentile(values, p);
    }
}
