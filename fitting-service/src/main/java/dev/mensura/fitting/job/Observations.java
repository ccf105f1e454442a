package dev.mensura.fitting.job;

import dev.mensura.events.data.VisionFeatures;
import dev.mensura.fitting.fit.ViewObservation;
import dev.mensura.silhouette.Outline;
import java.util.HashMap;
import java.util.Map;

/**
 * vision's numbers as the fit reads them: outline and landmarks in the photo's pixels, the
 * BlazePose landmarks that the skeleton also has mapped to its joints (weighted by their
 * visibility), and a side photo of someone facing right mirrored, so the fit always sees the
 * person facing the image's left (the body is close enough to symmetric for the outline).
 */
public final class Observations {
    /** BlazePose index → rig joint; "left" is the person's left in both. */
    private static final Map<Integer, String> JOINTS = Map.of(11, "joint-l-shoulder", 12, "joint-r-shoulder",
            23, "joint-l-upper-leg", 24, "joint-r-upper-leg", 25, "joint-l-knee", 26, "joint-r-knee",
            27, "joint-l-ankle", 28, "joint-r-ankle");
    private static final int NOSE = 0;

    private Observations() {
    }

    public static ViewObservation of(VisionFeatures.View view) {
        boolean side = "side".equals(view.view());
        int w = view.imageWidth();
        int h = view.imageHeight();
        float[][] lm = view.landmarks();
        double hipX = (lm[23][0] + lm[24][0]) / 2;
        boolean mirror = side && lm[NOSE][0] > hipX;
        float[] outline = new float[view.contour().length];
        for (int i = 0; i < outline.length; i += 2) {
            double x = view.contour()[i] * w;
            outline[i] = (float) (mirror ? w - x : x);
            outline[i + 1] = view.contour()[i + 1] * h;
        }
        Map<String, double[]> joints = new HashMap<>();
        JOINTS.forEach((index, joint) -> {
            float[] l = lm[index];
            double x = l[0] * w;
            joints.put(joint, new double[] {mirror ? w - x : x, l[1] * h, Math.max(0, Math.min(1, l[3]))});
        });
        return new ViewObservation(side, w, h, view.focalLengthPx(), outline, joints,
                Outline.insetPx(Outline.gridCellPx(w, h)));
    }
}
