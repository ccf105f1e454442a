package dev.mensura.fitting.bench;

import dev.mensura.fitting.measure.Measurement;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Fitted measurements against the true ones, per measurement: mean absolute error and mean bias. */
public final class Accuracy {
    private final Map<String, double[]> errors = new TreeMap<>();

    /**
     * Adds one body's errors (cm); prints them when {@code -Dbench.verbose=true}.
     *
     * @return this body's mean absolute error over all measurements but stature, cm
     */
    public double add(Map<String, Measurement> expected, Map<String, Measurement> fitted) {
        double sum = 0;
        int n = 0;
        for (var e : expected.entrySet()) {
            Measurement got = fitted.get(e.getKey());
            if (got == null || Double.isNaN(got.valueCm()) || Double.isNaN(e.getValue().valueCm())) {
                continue;
            }
            double[] acc = errors.computeIfAbsent(e.getKey(), k -> new double[4]);
            double d = got.valueCm() - e.getValue().valueCm();
            if (Boolean.getBoolean("bench.verbose")) {
                System.out.printf(Locale.ROOT, "  %-18s true %6.1f error %+5.1f mm%n", e.getKey(),
                        e.getValue().valueCm(), 10 * d);
            }
            acc[0] += Math.abs(d);
            acc[1] += d;
            acc[2]++;
            if (Math.abs(d) <= got.uncertaintyCm()) {
                acc[3]++;
            }
            if (!e.getKey().equals("stature")) {
                sum += Math.abs(d);
                n++;
            }
        }
        return sum / Math.max(1, n);
    }

    /** The table for docs/benchmarks.md, and the MAE over all measurements but the given stature. */
    public void print() {
        System.out.println("| measurement | MAE (mm) | mean bias (mm) | error within the stated uncertainty |");
        System.out.println("| --- | --- | --- | --- |");
        double all = 0;
        int count = 0;
        for (var e : errors.entrySet()) {
            double[] a = e.getValue();
            System.out.printf(Locale.ROOT, "| %s | %.1f | %+.1f | %.0f %% |%n", e.getKey(), 10 * a[0] / a[2],
                    10 * a[1] / a[2], 100 * a[3] / a[2]);
            if (!e.getKey().equals("stature")) {
                all += a[0];
                count += (int) a[2];
            }
        }
        System.out.printf(Locale.ROOT, "all but stature: MAE %.1f mm%n", 10 * all / count);
    }

    public static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.round(p / 100 * (sorted.length - 1)))];
    }
}
