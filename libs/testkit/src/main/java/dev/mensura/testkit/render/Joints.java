package dev.mensura.testkit.render;

/**
 * Names of the joints most tests need, as the hm08 base mesh names its joint cubes (every
 * {@code joint-*} group is available; see {@link BodyMesh#jointNames()}). "l"/"r" are the person's
 * own left/right: in a {@link View#FRONT} photo the person's left appears on the image's right.
 * MakeHuman calls the wrist "hand" and the hip joint "upper-leg".
 */
public final class Joints {

    public static final String HEAD = "joint-head";
    /** Near the crown; {@link #HEAD_TOP} is the highest skin point. */
    public static final String HEAD_2 = "joint-head-2";
    public static final String NECK = "joint-neck";
    public static final String L_EYE = "joint-l-eye";
    public static final String R_EYE = "joint-r-eye";
    public static final String MOUTH = "joint-mouth";
    public static final String L_SHOULDER = "joint-l-shoulder";
    public static final String R_SHOULDER = "joint-r-shoulder";
    public static final String L_ELBOW = "joint-l-elbow";
    public static final String R_ELBOW = "joint-r-elbow";
    public static final String L_WRIST = "joint-l-hand";
    public static final String R_WRIST = "joint-r-hand";
    public static final String PELVIS = "joint-pelvis";
    public static final String L_HIP = "joint-l-upper-leg";
    public static final String R_HIP = "joint-r-upper-leg";
    public static final String L_KNEE = "joint-l-knee";
    public static final String R_KNEE = "joint-r-knee";
    public static final String L_ANKLE = "joint-l-ankle";
    public static final String R_ANKLE = "joint-r-ankle";
    /** Ball of the foot. */
    public static final String L_FOOT = "joint-l-foot-1";
    public static final String R_FOOT = "joint-r-foot-1";
    /** The floor point under the body. */
    public static final String GROUND = "joint-ground";
    /** Not a joint cube: the highest vertex of the head (top of the stature line); scenes only. */
    public static final String HEAD_TOP = RenderedScene.HEAD_TOP;

    private Joints() {
    }
}
