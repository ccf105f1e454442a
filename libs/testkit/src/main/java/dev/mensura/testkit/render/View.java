package dev.mensura.testkit.render;

/** Which side of the person faces the camera. */
public enum View {
    /** The person faces the camera. */
    FRONT(0),
    /**
     * The person turned 90° about the vertical axis: their left side faces the camera and they look
     * towards the image's left edge (the usual "side photo" of a body-measurement app).
     */
    SIDE(-90);

    private final double yawDeg;

    View(double yawDeg) {
        this.yawDeg = yawDeg;
    }

    /** Rotation of the body about the vertical axis, degrees (right-handed, y up). */
    public double yawDeg() {
        return yawDeg;
    }
}
