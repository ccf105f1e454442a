package dev.mensura.vision.image;

/**
 * MediaPipe's ImageToTensor on the CPU: tensor pixel (j, i) samples the image bilinearly at
 * {@code roi.toImage(j / w, i / h)} (pixel index = pixel centre), values mapped from 0–255 to
 * [min, max]. Outside the image either zero (then {@code min}, the detectors) or the nearest
 * edge pixel (the landmark model).
 */
public final class TensorSampler {
    private TensorSampler() {
    }

    public static float[] sample(RgbImage image, Roi roi, int tensorWidth, int tensorHeight, float min, float max,
                                 boolean replicateBorder) {
        float[] out = new float[tensorWidth * tensorHeight * 3];
        float scale = (max - min) / 255f;
        int w = image.width();
        int h = image.height();
        double c = Math.cos(roi.rotation());
        double s = Math.sin(roi.rotation());
        for (int i = 0; i < tensorHeight; i++) {
            double dy = ((double) i / tensorHeight - 0.5) * roi.height();
            for (int j = 0; j < tensorWidth; j++) {
                double dx = ((double) j / tensorWidth - 0.5) * roi.width();
                double x = roi.centerX() + c * dx - s * dy;
                double y = roi.centerY() + s * dx + c * dy;
                int o = (i * tensorWidth + j) * 3;
                int x0 = (int) Math.floor(x);
                int y0 = (int) Math.floor(y);
                double fx = x - x0;
                double fy = y - y0;
                for (int ch = 0; ch < 3; ch++) {
                    int shift = 16 - 8 * ch;
                    double v = (1 - fy) * ((1 - fx) * at(image, x0, y0, shift, replicateBorder)
                            + fx * at(image, x0 + 1, y0, shift, replicateBorder))
                            + fy * ((1 - fx) * at(image, x0, y0 + 1, shift, replicateBorder)
                            + fx * at(image, x0 + 1, y0 + 1, shift, replicateBorder));
                    out[o + ch] = (float) (v * scale + min);
                }
            }
        }
        return out;
    }

    private static int at(RgbImage image, int x, int y, int shift, boolean replicate) {
        if (x < 0 || y < 0 || x >= image.width() || y >= image.height()) {
            if (!replicate) {
                return 0;
            }
            x = Math.max(0, Math.min(image.width() - 1, x));
            y = Math.max(0, Math.min(image.height() - 1, y));
        }
        return (image.rgb(x, y) >> shift) & 0xFF;
    }
}
