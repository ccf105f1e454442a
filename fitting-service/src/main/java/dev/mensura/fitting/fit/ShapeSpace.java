package dev.mensura.fitting.fit;

import dev.mensura.fitting.body.BodyModel;
import dev.mensura.fitting.body.Macro;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape unknowns of a fit: four macro sliders (gender, muscle, weight, proportions, each
 * 0–1, a 25-year-old of mixed ancestry otherwise) and MakeHuman's "measure-*" modifiers, each one
 * number from -1 (its decr target) to +1 (its incr target). A shape vector maps to a body in the
 * rest pose.
 */
public final class ShapeSpace {
    static final List<String> MACRO = List.of("gender", "muscle", "weight", "proportions");
    static final List<String> MODIFIERS = List.of("bust-circ", "underbust-circ", "waist-circ", "hips-circ",
            "neck-circ", "thigh-circ", "knee-circ", "calf-circ", "upperarm-circ", "shoulder-dist", "napetowaist-dist",
            "upperleg-height", "lowerleg-height", "frontchest-dist", "waisttohip-dist");

    private final BodyModel model;

    public ShapeSpace(BodyModel model) {
        this.model = model;
    }

    public static int size() {
        return MACRO.size() + MODIFIERS.size();
    }

    public static String name(int i) {
        return i < MACRO.size() ? MACRO.get(i) : MODIFIERS.get(i - MACRO.size());
    }

    static double lower(int i) {
        return i < MACRO.size() ? 0 : -1;
    }

    static double upper(int i) {
        return 1;
    }

    /** The neutral start: an average body of the given sex, no modifiers. */
    public static double[] neutral(double gender) {
        double[] p = new double[size()];
        p[0] = gender;
        p[1] = 0.5;
        p[2] = 0.5;
        p[3] = 0.5;
        return p;
    }

    public static Macro macro(double[] p) {
        return new Macro(p[0], 0.5, p[1], p[2], 0.5, p[3], 0.5, 0.5, 1 / 3.0, 1 / 3.0, 1 / 3.0);
    }

    public static Map<String, Double> modifiers(double[] p) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < MODIFIERS.size(); i++) {
            double v = p[MACRO.size() + i];
            if (v > 0) {
                m.put("measure-" + MODIFIERS.get(i) + "-incr", v);
            } else if (v < 0) {
                m.put("measure-" + MODIFIERS.get(i) + "-decr", -v);
            }
        }
        return m;
    }

    /** Rest-pose vertex positions (decimetres, all vertices) for a shape vector. */
    public float[] positions(double[] p) {
        return model.positions(macro(p), modifiers(p));
    }

    public BodyModel model() {
        return model;
    }
}
