package dev.mensura.vision.pose;

/**
 * The segmentation mask projected back onto the photo, on a grid of fixed resolution (the
 * photo's longer side = {@link #LONG_SIDE} cells): the probability that a cell is the person.
 * Stays inside vision; only its contour leaves.
 */
public record SilhouetteMask(int width, int height, float[] probability) {
    public static final int LONG_SIDE = dev.mensura.silhouette.Outline.GRID_LONG_SIDE;

    public boolean person(int x, int y) {
        return probability[y * width + x] > 0.5f;
    }

    public int area() {
        int n = 0;
        for (float p : probability) {
            if (p > 0.5f) {
                n++;
            }
        }
        return n;
    }
}
