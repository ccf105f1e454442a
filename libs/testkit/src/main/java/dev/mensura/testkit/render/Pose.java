package dev.mensura.testkit.render;

/** Body poses the renderer can draw. */
public enum Pose {
    /** The base mesh as stored: arms angled down about 40° away from the body (MakeHuman's rest pose). */
    A_POSE,
    /**
     * Arms hanging along the body: each arm turned about its shoulder joint, in the body's frontal
     * plane (about the depth axis), with the rig's skinning weights blending the shoulder. Used to
     * trip the "arms must be away from the body" quality check.
     */
    ARMS_DOWN
}
