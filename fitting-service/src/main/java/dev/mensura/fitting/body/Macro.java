package dev.mensura.fitting.body;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MakeHuman's macro sliders, each 0–1 as {@code targets/macrodetails/macro.json} defines them
 * (age 0.5 is 25 years; 0.5 is average for muscle, weight, height, proportions, cup and firmness),
 * and the ethnic mix (weights summing to 1). A slider's value picks the two targets around it
 * with linear weights, and a combined target's weight is the product of its parts' weights.
 */
public record Macro(double gender, double age, double muscle, double weight, double height, double proportions,
                    double cupsize, double firmness, double african, double asian, double caucasian) {

    public static Macro average(double gender) {
        return new Macro(gender, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 1 / 3.0, 1 / 3.0, 1 / 3.0);
    }

    Map<String, Double> genders() {
        return weights(gender, List.of(0.0, 1.0), List.of("female", "male"));
    }

    Map<String, Double> ages() {
        return weights(age, List.of(0.0, 0.1875, 0.5, 1.0), List.of("baby", "child", "young", "old"));
    }

    Map<String, Double> muscles() {
        return weights(muscle, List.of(0.0, 0.5, 1.0), List.of("minmuscle", "averagemuscle", "maxmuscle"));
    }

    Map<String, Double> weights() {
        return weights(weight, List.of(0.0, 0.5, 1.0), List.of("minweight", "averageweight", "maxweight"));
    }

    /** Height and proportions have no "average" target: 0.5 means neither end. */
    Map<String, Double> heights() {
        return weights(height, List.of(0.0, 0.5, 1.0), List.of("minheight", "", "maxheight"));
    }

    Map<String, Double> proportionTargets() {
        return weights(proportions, List.of(0.0, 0.5, 1.0), List.of("uncommonproportions", "", "idealproportions"));
    }

    Map<String, Double> cups() {
        return weights(cupsize, List.of(0.0, 0.5, 1.0), List.of("mincup", "averagecup", "maxcup"));
    }

    Map<String, Double> firmnesses() {
        return weights(firmness, List.of(0.0, 0.5, 1.0), List.of("minfirmness", "averagefirmness", "maxfirmness"));
    }

    Map<String, Double> races() {
        double sum = african + asian + caucasian;
        Map<String, Double> w = new LinkedHashMap<>();
        w.put("african", african / sum);
        w.put("asian", asian / sum);
        w.put("caucasian", caucasian / sum);
        return w;
    }

    /** The two named points around {@code value}, linearly; names that are empty carry no target. */
    static Map<String, Double> weights(double value, List<Double> at, List<String> names) {
        double v = Math.max(at.get(0), Math.min(at.get(at.size() - 1), value));
        Map<String, Double> w = new LinkedHashMap<>();
        for (int i = 0; i + 1 < at.size(); i++) {
            if (v <= at.get(i + 1) || i + 2 == at.size()) {
                double t = (v - at.get(i)) / (at.get(i + 1) - at.get(i));
                put(w, names.get(i), 1 - t);
                put(w, names.get(i + 1), t);
                break;
            }
        }
        return w;
    }

    private static void put(Map<String, Double> w, String name, double weight) {
        if (!name.isEmpty() && weight > 0) {
            w.merge(name, weight, Double::sum);
        }
    }
}
