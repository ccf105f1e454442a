package dev.mensura.vision.image;

/**
 * A rotated rectangle in image pixels: centre, size and rotation (radians, clockwise on screen
 * because y points down), as MediaPipe's NormalizedRect scaled to the image.
 */
public record Roi(double centerX, double centerY, double width, double height, double rotation) {

    public static Roi whole(RgbImage image) {
        return new Roi(image.width() / 2.0, image.height() / 2.0, image.width(), image.height(), 0);
    }

    /** MediaPipe's PadRoi: grow the short side so the ROI has the tensor's aspect ratio (letterbox). */
    public Roi letterboxed(int tensorWidth, int tensorHeight) {
        double target = (double) tensorHeight / tensorWidth;
        double own = height / width;
        return target > own ? new Roi(centerX, centerY, width, width * target, rotation)
                : new Roi(centerX, centerY, height / target, height, rotation);
    }

    /** Image pixel of the ROI-normalised point (u, v) in [0, 1]². */
    public double[] toImage(double u, double v) {
        double dx = (u - 0.5) * width;
        double dy = (v - 0.5) * height;
        double c = Math.cos(rotation);
        double s = Math.sin(rotation);
        return new double[] {centerX + c * dx - s * dy, centerY + s * dx + c * dy};
    }

    /** The inverse of {@link #toImage}. */
    public double[] toRoi(double x, double y) {
        double dx = x - centerX;
        double dy = y - centerY;
        double c = Math.cos(rotation);
        double s = Math.sin(rotation);
        return new double[] {(c * dx + s * dy) / width + 0.5, (-s * dx + c * dy) / height + 0.5};
    }
}
