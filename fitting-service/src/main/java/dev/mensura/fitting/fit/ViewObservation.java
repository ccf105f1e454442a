package dev.mensura.fitting.fit;

import java.util.Map;

/**
 * What one photo tells the fit, in that photo's pixels: the outline (x, y pairs), the joints
 * BlazePose found that the skeleton also has, and the camera's focal length.
 *
 * @param joints rig joint name (e.g. {@code joint-l-knee}) to {x, y, weight}
 */
public record ViewObservation(boolean side, int width, int height, double focalPx, float[] outlinePx,
                              Map<String, double[]> joints) {
}
