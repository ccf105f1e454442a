package dev.mensura.fitting.fit;

import java.util.Map;

/**
 * What one photo tells the fit, in that photo's pixels: the outline (x, y pairs), the joints
 * BlazePose found that the skeleton also has, and the camera's focal length.
 *
 * @param joints rig joint name (e.g. {@code joint-l-knee}) to {x, y, weight}
 * @param outlineInsetPx how far inside the person's true edge the outline runs: it is traced
 *     through the centres of the mask's boundary cells, half a cell inside ({@code Outline#insetPx})
 */
public record ViewObservation(boolean side, int width, int height, double focalPx, float[] outlinePx,
                              Map<String, double[]> joints, double outlineInsetPx) {
}
