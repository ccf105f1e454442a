package dev.mensura.events.data;

import java.util.List;

/**
 * What vision saw in the two photos, as numbers only: the sealed payload of vision.completed.
 *
 * @param model the landmark model that produced them (lite, full or heavy)
 */
public record VisionFeatures(int version, String model, List<View> views) {
    public static final int VERSION = 1;

    /**
     * One photo, upright (EXIF orientation applied).
     *
     * @param focalLengthPx the camera's focal length in pixels of this image: from the EXIF 35 mm
     *     equivalent when known ({@code focalFromExif}), else a typical phone main camera's
     * @param landmarks 33 BlazePose landmarks, {x, y, z, visibility, presence}, x and y normalised
     *     to the image, z on x's scale
     * @param worldLandmarks 33 {x, y, z} in metres, origin between the hips
     * @param contour the silhouette's outline, x, y pairs normalised to the image, evenly spaced,
     *     clockwise from the top
     */
    public record View(String view, int imageWidth, int imageHeight, double focalLengthPx, boolean focalFromExif,
                       float[][] landmarks, float[][] worldLandmarks, float[] contour) {
    }
}
