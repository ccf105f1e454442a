package dev.mensura.fitting.bench;

import dev.mensura.fitting.fit.ShapeSpace;
import java.util.Random;

/**
 * Body {@code i} of the benchmarks: its seed (1000 + i, which also seeds the render's camera),
 * a random adult shape from the fit's shape space, a stature of 150–195 cm, how the person holds
 * each arm and leg against the model's rest pose (arms up to ±{@value #MAX_ARM_DEG}°, legs up to
 * ±{@value #MAX_LEG_DEG}°, drawn from a stream of their own), and the random stream that goes on to
 * draw its landmark noise.
 */
public record SyntheticBody(long seed, double[] shape, double statureCm, double[] limbAbductionDeg, float[] restDm,
                            Random random) {
    /** People asked for an A-pose hold their arms about as the model does, give or take this much. */
    public static final double MAX_ARM_DEG = 8;
    /** ... and stand with their feet about as far apart, give or take this much at the hips. */
    public static final double MAX_LEG_DEG = 4;

    public static SyntheticBody draw(int i, ShapeSpace shapes) {
        Random random = new Random(1000 + i);
        double[] truth = FitBench.randomShape(random);
        double stature = 150 + 45 * random.nextDouble();
        Random arms = new Random((7000 + i) * 0x9E3779B97F4A7C15L);
        double[] abduction = {MAX_ARM_DEG * (2 * arms.nextDouble() - 1), MAX_ARM_DEG * (2 * arms.nextDouble() - 1),
            MAX_LEG_DEG * (2 * arms.nextDouble() - 1), MAX_LEG_DEG * (2 * arms.nextDouble() - 1)};
        return new SyntheticBody(1000 + i, truth, stature, abduction, shapes.positions(truth), random);
    }

    public boolean female() {
        return shape[0] < 0.5;
    }

    /** The rest-pose positions as the renderer takes them. */
    public double[] restPositions() {
        double[] p = new double[restDm.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = restDm[k];
        }
        return p;
    }
}
