package dev.mensura.fitting.body;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which macro target files a {@link Macro} blends, and with what weight: the combinations of
 * macro.json ("racegenderage", "genderagemuscleweight", "…height", "…proportions",
 * "…cupsizefirmness"), named as the files under {@code targets/} are.
 */
final class MacroTargets {
    private MacroTargets() {
    }

    /** Path under {@code targets/} without ".target.gz" → weight; only weights above zero. */
    static Map<String, Double> of(Macro m) {
        Map<String, Double> out = new LinkedHashMap<>();
        recurse(out, "macrodetails/", List.of(m.races(), m.genders(), m.ages()), 0, "", 1.0);
        recurse(out, "macrodetails/universal-", List.of(m.genders(), m.ages(), m.muscles(), m.weights()), 0, "", 1.0);
        recurse(out, "macrodetails/height/",
                List.of(m.genders(), m.ages(), m.muscles(), m.weights(), m.heights()), 0, "", 1.0);
        recurse(out, "macrodetails/proportions/",
                List.of(m.genders(), m.ages(), m.muscles(), m.weights(), m.proportionTargets()), 0, "", 1.0);
        recurse(out, "breast/",
                List.of(m.genders(), m.ages(), m.muscles(), m.weights(), m.cups(), m.firmnesses()), 0, "", 1.0);
        return out;
    }

    private static void recurse(Map<String, Double> out, String prefix, List<Map<String, Double>> parts, int i,
                                String name, double weight) {
        if (i == parts.size()) {
            out.merge(prefix + name, weight, Double::sum);
            return;
        }
        for (var e : parts.get(i).entrySet()) {
            recurse(out, prefix, parts, i + 1, name.isEmpty() ? e.getKey() : name + "-" + e.getKey(),
                    weight * e.getValue());
        }
    }
}
