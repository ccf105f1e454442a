package dev.mensura.fitting.bench;

import dev.mensura.fitting.body.BodyModel;
import dev.mensura.fitting.body.Rig;
import dev.mensura.fitting.fit.BodyFitter;
import dev.mensura.fitting.fit.ShapeSpace;
import dev.mensura.fitting.fit.ViewObservation;
import dev.mensura.fitting.measure.Measurement;
import dev.mensura.fitting.measure.Segment;
import dev.mensura.silhouette.Outline;
import dev.mensura.testkit.render.BodyModelDir;
import dev.mensura.testkit.render.RenderedScene;
import dev.mensura.testkit.render.Scene;
import dev.mensura.testkit.render.View;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * fitting's accuracy and speed (docs/benchmarks.md). {@code n} seeded random bodies (macro
 * sliders and measure-* modifiers drawn from the shape space, stature 150–195 cm), each rendered
 * front and side by testkit's renderer with a jittered phone camera; the fit gets the render's
 * outline and its joints with Gaussian noise of {@code landmarkNoiseCm} (the oracle, standing in
 * for a perfect vision); its measurements are compared with the true body's. Speed: the fit's
 * time against the reference, one evaluation of the objective (a body blended, framed, both
 * photos' silhouettes and joints projected) in the same process.
 *
 * <p>{@code dev/bench-fitting [n] [landmarkNoiseCm] [outlinePoints]}, defaults 20, 1.0 and 1024 (vision's).
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
        Path dir = BodyModelDir.resolve();
        BodyModel model = BodyModel.load(dir);
        String[] bones = Rig.read(dir).dominantBones(model.base().vertexCount());
        Segment[] segments = new Segment[bones.length];
        for (int v = 0; v < bones.length; v++) {
            segments[v] = Segment.ofBone(bones[v]);
        }
        ShapeSpace shapes = new ShapeSpace(model);
        BodyFitter fitter = new BodyFitter(shapes, segments);

        Map<String, double[]> errors = new TreeMap<>();
        double[] fitMs = new double[n];
        double[] evalMs = new double[n];
        double[] rms = new double[n];
        for (int i = 0; i < n; i++) {
            Random random = new Random(1000 + i);
            double[] truth = randomShape(random);
            double stature = 150 + 45 * random.nextDouble();
            float[] dm = shapes.positions(truth);
            ViewObservation front = observe(dm, stature, View.FRONT, 1000 + i, random, noise);
            ViewObservation side = observe(dm, stature, View.SIDE, 1000 + i, random, noise);
            long t0 = System.nanoTime();
            BodyFitter.Fit fit = fitter.fit(front, side, stature);
            fitMs[i] = (System.nanoTime() - t0) / 1e6;
            evalMs[i] = fitter.evaluationMillis(front, side, stature, fit);
            rms[i] = fit.silhouetteRmsCm();
            Map<String, Measurement> expected = fitter.measure(dm, stature, truth[0] < 0.5);
            for (var e : expected.entrySet()) {
                Measurement got = fit.measurements().get(e.getKey());
                if (got == null || Double.isNaN(got.valueCm()) || Double.isNaN(e.getValue().valueCm())) {
                    continue;
                }
                double[] acc = errors.computeIfAbsent(e.getKey(), k -> new double[3]);
                double d = got.valueCm() - e.getValue().valueCm();
                if (Boolean.getBoolean("bench.verbose")) {
                    System.out.printf(Locale.ROOT, "  %-18s true %6.1f error %+5.1f mm%n", e.getKey(),
                            e.getValue().valueCm(), 10 * d);
                }
                acc[0] += Math.abs(d);
                acc[1] += d;
                acc[2]++;
            }
            System.out.printf(Locale.ROOT, "body %d: fit %.0f ms, silhouette rms %.2f cm%n", i, fitMs[i], rms[i]);
        }
        System.out.printf(Locale.ROOT, "%n%d bodies, landmark noise %.1f cm%n", n, noise);
        System.out.println("| measurement | MAE (mm) | mean bias (mm) |");
        System.out.println("| --- | --- | --- |");
        double all = 0;
        int count = 0;
        for (var e : errors.entrySet()) {
            double[] a = e.getValue();
            System.out.printf(Locale.ROOT, "| %s | %.1f | %+.1f |%n", e.getKey(), 10 * a[0] / a[2], 10 * a[1] / a[2]);
            if (!e.getKey().equals("stature")) {
                all += a[0];
                count += (int) a[2];
            }
        }
        System.out.printf(Locale.ROOT, "all but stature: MAE %.1f mm%n", 10 * all / count);
        System.out.printf(Locale.ROOT, "fit time: p50 %.0f ms, p90 %.0f ms; one objective evaluation (reference): p50"
                + " %.1f ms; ratio p50 %.0fx%n", percentile(fitMs, 50), percentile(fitMs, 90), percentile(evalMs, 50),
                percentile(fitMs, 50) / percentile(evalMs, 50));
        System.out.printf(Locale.ROOT, "silhouette rms: p50 %.2f cm, p90 %.2f cm%n", percentile(rms, 50),
                percentile(rms, 90));
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

    static ViewObservation observe(float[] dm, double stature, View view, long seed, Random random, double noiseCm) {
        double[] positions = new double[dm.length];
        for (int i = 0; i < dm.length; i++) {
            positions[i] = dm[i];
        }
        RenderedScene scene = Scene.seeded(seed).view(view).shape(positions).statureCm(stature).render();
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

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.round(p / 100 * (sorted.length - 1)))];
    }
}
