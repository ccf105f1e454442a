package dev.mensura.vision.pose;

/**
 * MediaPipe's RefineLandmarksFromHeatmap (kernel 7, min confidence 0.5): a landmark moves to the
 * confidence-weighted centre of the 7x7 heatmap cells around it when the heatmap is sure enough.
 * Upstream checks the column twice where it means the row; this checks the row.
 */
final class HeatmapRefinement {
    private static final int HALF_KERNEL = 3;
    private static final double MIN_CONFIDENCE = 0.5;

    private HeatmapRefinement() {
    }

    /** @param heatmap NHWC [1, size, size, channels] logits */
    static double[] refine(double u, double v, float[] heatmap, int channel, int size, int channels) {
        int cc = (int) (u * size);
        int cr = (int) (v * size);
        if (cc < 0 || cc >= size || cr < 0 || cr >= size) {
            return new double[] {u, v};
        }
        double sum = 0;
        double max = 0;
        double weightedCol = 0;
        double weightedRow = 0;
        for (int row = Math.max(0, cr - HALF_KERNEL); row < Math.min(size, cr + HALF_KERNEL + 1); row++) {
            for (int col = Math.max(0, cc - HALF_KERNEL); col < Math.min(size, cc + HALF_KERNEL + 1); col++) {
                double confidence = PoseEstimator.sigmoid(heatmap[(row * size + col) * channels + channel]);
                sum += confidence;
                max = Math.max(max, confidence);
                weightedCol += col * confidence;
                weightedRow += row * confidence;
            }
        }
        if (max >= MIN_CONFIDENCE && sum > 0) {
            return new double[] {weightedCol / size / sum, weightedRow / size / sum};
        }
        return new double[] {u, v};
    }
}
