package dev.mensura.fitting.bench;

import ai.djl.Device;
import dev.mensura.fitting.body.BodyModel;
import dev.mensura.fitting.body.Rig;
import dev.mensura.fitting.fit.BodyFitter;
import dev.mensura.fitting.fit.ShapeBasis;
import dev.mensura.fitting.fit.ShapeSpace;
import dev.mensura.fitting.fit.ViewObservation;
import dev.mensura.testkit.render.BodyModelDir;
import dev.mensura.testkit.render.View;
import dev.mensura.torch.TorchDevice;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Where the body is blended in the fit's loop (docs/benchmarks.md): the blend in plain Java (the
 * reference: 16 corner bodies and the sparse modifier targets) against the blend on DJL tensors
 * (one [1, 84] × [84, 3·vertices] product on PyTorch, the result copied back), one body at a time
 * as the fit asks for them; then whole fits with each.
 *
 * <p>{@code dev/bench-fitting-blend [device] [bodies]}: device {@code cpu} (default) or {@code gpu}.
 */
public final class BlendBench {
    private BlendBench() {
    }

    public static void main(String[] args) throws Exception {
        String choice = args.length > 0 ? args[0] : "cpu";
        int bodies = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        TorchDevice.configure(Path.of("target/djl-cache"));
        Device device = TorchDevice.select(choice, "device");
        ShapeSpace shapes = new ShapeSpace(BodyModel.load(BodyModelDir.resolve()));
        ShapeBasis java = new ShapeBasis(shapes);
        try (ShapeBasis tensors = new ShapeBasis(shapes, device)) {
            double[][] draws = new double[200][];
            Random random = new Random(3);
            for (int i = 0; i < draws.length; i++) {
                draws[i] = FitBench.randomShape(random);
            }
            double javaMs = medianMillis(java, draws);
            double tensorMs = medianMillis(tensors, draws);
            System.out.printf(Locale.ROOT, "one body blended: java (reference) %.3f ms, tensors on %s %.3f ms: %.2fx%n",
                    javaMs, device, tensorMs, tensorMs / javaMs);
        }
        Rig rig = Rig.read(BodyModelDir.resolve());
        double[] javaFits = fits(new BodyFitter(shapes, rig), shapes, bodies);
        double[] tensorFits = fits(new BodyFitter(shapes, rig, device), shapes, bodies);
        System.out.printf(Locale.ROOT, "a fit, p50 of %d bodies: java blend (reference) %.0f ms, tensor blend %.0f ms:"
                + " %.2fx%n", bodies, Accuracy.percentile(javaFits, 50), Accuracy.percentile(tensorFits, 50),
                Accuracy.percentile(tensorFits, 50) / Accuracy.percentile(javaFits, 50));
    }

    /** Median time of one blend, after the same number of warm-up blends. */
    private static double medianMillis(ShapeBasis basis, double[][] shapes) {
        for (double[] s : shapes) {
            basis.positions(s);
        }
        double[] ms = new double[shapes.length];
        for (int i = 0; i < shapes.length; i++) {
            long t0 = System.nanoTime();
            basis.positions(shapes[i]);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return Accuracy.percentile(ms, 50);
    }

    private static double[] fits(BodyFitter fitter, ShapeSpace shapes, int n) {
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            SyntheticBody body = SyntheticBody.draw(i, shapes);
            ViewObservation front = FitBench.observe(body, View.FRONT, 1.0);
            ViewObservation side = FitBench.observe(body, View.SIDE, 1.0);
            fitter.fit(front, side, body.statureCm()); // warm
            long t0 = System.nanoTime();
            fitter.fit(front, side, body.statureCm());
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return ms;
    }
}
