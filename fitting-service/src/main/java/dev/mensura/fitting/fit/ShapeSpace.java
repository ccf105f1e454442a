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

    /** Whether parameter i is a modifier, on which positions depend linearly (per sign). */
    static boolean linear(int i) {
        return i >= MACRO.size() && i < size();
    }

    /**
     * positions(p) with parameter i moved by h, from positions(p) itself: a modifier adds its
     * target linearly, so no blend is needed (the incr target above zero, the decr one below).
     */
    float[] moved(float[] at, double[] p, int i, double h) {
        float[] out = at.clone();
        String name = MODIFIERS.get(i - MACRO.size());
        double from = p[i];
        double to = from + h;
        // the part of the move on the positive side uses incr, the part on the negative side decr
        double positive = Math.max(0, to) - Math.max(0, from);
        double negative = Math.min(0, to) - Math.min(0, from);
        if (positive != 0) {
            model.modifier("measure-" + name + "-incr").addTo(out, positive);
        }
        if (negative != 0) {
            model.modifier("measure-" + name + "-decr").addTo(out, -negative);
        }
        return out;
    }

    /** Rest-pose vertex positions (decimetres, all vertices) for a shape vector. */
    public float[] positions(double[] p) {
        return model.positions(macro(p), modifiers(p));
    }

    public BodyModel model() {
        return model;
    }
}
