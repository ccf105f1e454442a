package dev.mensura.testkit.render;

/**
 * A pinhole camera in world centimetres (y up, the person standing on y = 0): position, the point
 * it looks at, a roll about its viewing axis, and a focal length in pixels. Image coordinates have
 * their origin at the top-left corner of the image, x to the right and y down; pixel (i, j) covers
 * [i, i+1) × [j, j+1), so the principal point is (width/2, height/2). No lens distortion.
 */
public final class Camera {

    private final int width;
    private final int height;
    private final double focalPx;
    private final double[] position;
    private final double[] target;
    private final double rollDeg;
    private final double[] right;
    private final double[] up;
    private final double[] forward;

    public Camera(int width, int height, double focalPx, double[] position, double[] target, double rollDeg) {
        if (width <= 0 || height <= 0 || focalPx <= 0) {
            throw new IllegalArgumentException("Bad camera: " + width + "x" + height + " f=" + focalPx);
        }
        this.width = width;
        this.height = height;
        this.focalPx = focalPx;
        this.position = position.clone();
        this.target = target.clone();
        this.rollDeg = rollDeg;
        double[] f = normalize(sub(target, position));
        double[] r = normalize(cross(f, new double[] {0, 1, 0}));
        double[] u = cross(r, f);
        double roll = Math.toRadians(rollDeg);
        this.forward = f;
        this.right = add(scale(r, Math.cos(roll)), scale(u, Math.sin(roll)));
        this.up = add(scale(u, Math.cos(roll)), scale(r, -Math.sin(roll)));
    }

    /**
     * Focal length in pixels for a 35 mm-equivalent focal length, matching the image's long side to
     * the 36 mm side of a full frame: f_px = f_35mm / 36 mm × max(width, height). A phone's 26 mm
     * main camera at 720×1280 gives ≈ 924 px (about 69° vertical field of view).
     */
    public static double focalPxFor35mm(double focal35mm, int width, int height) {
        // the 35 mm equivalent is defined on the diagonal (36 x 24 mm), as phones report it in EXIF
        return focal35mm / Math.hypot(36, 24) * Math.hypot(width, height);
    }

    /** Pixel x, pixel y and depth along the viewing axis (cm) of a world point. */
    public double[] project(double x, double y, double z) {
        double dx = x - position[0];
        double dy = y - position[1];
        double dz = z - position[2];
        double xc = dx * right[0] + dy * right[1] + dz * right[2];
        double yc = dx * up[0] + dy * up[1] + dz * up[2];
        double zc = dx * forward[0] + dy * forward[1] + dz * forward[2];
        return new double[] {width / 2.0 + focalPx * xc / zc, height / 2.0 - focalPx * yc / zc, zc};
    }

    public double[] project(double[] p) {
        return project(p[0], p[1], p[2]);
    }

    /** The same camera for an image {@code factor} times larger each way (supersampling). */
    Camera scaled(int factor) {
        return new Camera(width * factor, height * factor, focalPx * factor, position, target, rollDeg);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public double focalPx() {
        return focalPx;
    }

    public double[] position() {
        return position.clone();
    }

    public double[] target() {
        return target.clone();
    }

    public double rollDeg() {
        return rollDeg;
    }

    /** Unit vector the camera looks along. */
    public double[] forward() {
        return forward.clone();
    }

    /** Straight-line distance from the camera to the point it looks at, cm. */
    public double distanceToTargetCm() {
        return Math.sqrt(dot(sub(target, position), sub(target, position)));
    }

    @Override
    public String toString() {
        return String.format("Camera[%dx%d f=%.1fpx at (%.1f, %.1f, %.1f) → (%.1f, %.1f, %.1f) roll %.2f°]", width,
                height, focalPx, position[0], position[1], position[2], target[0], target[1], target[2], rollDeg);
    }

    static double[] sub(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    static double[] add(double[] a, double[] b) {
        return new double[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
    }

    static double[] scale(double[] a, double k) {
        return new double[] {a[0] * k, a[1] * k, a[2] * k};
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    static double[] normalize(double[] a) {
        double n = Math.sqrt(dot(a, a));
        return scale(a, 1.0 / n);
    }
}
