package dev.mensura.vision.detection;

/**
 * A detected box with keypoints, in normalised coordinates of whatever frame it was decoded in
 * (the letterboxed tensor first, the image after {@link #unletterbox}).
 *
 * @param keypoints x, y pairs
 */
public record Detection(float score, float xmin, float ymin, float width, float height, float[] keypoints) {

    public float xmax() {
        return xmin + width;
    }

    public float ymax() {
        return ymin + height;
    }

    public float keypointX(int k) {
        return keypoints[2 * k];
    }

    public float keypointY(int k) {
        return keypoints[2 * k + 1];
    }

    public float iou(Detection other) {
        float ix = Math.min(xmax(), other.xmax()) - Math.max(xmin, other.xmin);
        float iy = Math.min(ymax(), other.ymax()) - Math.max(ymin, other.ymin);
        if (ix < 0 || iy < 0 || width <= 0 || height <= 0 || other.width <= 0 || other.height <= 0) {
            return 0;
        }
        float inter = ix * iy;
        float union = width * height + other.width * other.height - inter;
        return union > 0 ? inter / union : 0;
    }

    /**
     * MediaPipe's DetectionLetterboxRemoval: from the letterboxed square tensor back to the image,
     * given the padding fractions on each side.
     */
    public Detection unletterbox(float padX, float padY) {
        float sx = 1 - 2 * padX;
        float sy = 1 - 2 * padY;
        float[] k = new float[keypoints.length];
        for (int i = 0; i < k.length; i += 2) {
            k[i] = (keypoints[i] - padX) / sx;
            k[i + 1] = (keypoints[i + 1] - padY) / sy;
        }
        return new Detection(score, (xmin - padX) / sx, (ymin - padY) / sy, width / sx, height / sy, k);
    }
}
