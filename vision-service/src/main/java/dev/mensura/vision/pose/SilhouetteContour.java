package dev.mensura.vision.pose;

import dev.mensura.silhouette.Outline;

/**
 * The outline of the person in the mask, the only form in which the silhouette leaves vision:
 * {@link Outline} of the cells whose probability exceeds one half, {@value #POINTS} points.
 */
public final class SilhouetteContour {
    public static final int POINTS = 1024;

    private SilhouetteContour() {
    }

    /** x, y pairs normalised to the photo; empty when the mask holds no person. */
    public static float[] of(SilhouetteMask mask) {
        boolean[] cells = new boolean[mask.width() * mask.height()];
        for (int y = 0; y < mask.height(); y++) {
            for (int x = 0; x < mask.width(); x++) {
                cells[y * mask.width() + x] = mask.person(x, y);
            }
        }
        return Outline.trace(cells, mask.width(), mask.height(), POINTS);
    }
}
