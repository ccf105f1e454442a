package dev.mensura.fitting.measure;

/**
 * The parts of the body a tape may go around, from each vertex's most weighted bone: a thigh
 * girth stays on one thigh, a chest girth leaves the arms out.
 */
public enum Segment {
    TORSO, HEAD_NECK, LEFT_ARM, RIGHT_ARM, LEFT_LEG, RIGHT_LEG;

    /** The segment a bone of the game-engine rig belongs to; null for none. */
    public static Segment ofBone(String bone) {
        if (bone == null) {
            return null;
        }
        if (bone.equals("head") || bone.equals("neck_01")) {
            return HEAD_NECK;
        }
        boolean left = bone.endsWith("_l");
        if (bone.startsWith("thigh") || bone.startsWith("calf") || bone.startsWith("foot") || bone.startsWith("ball")) {
            return left ? LEFT_LEG : RIGHT_LEG;
        }
        if (bone.startsWith("upperarm") || bone.startsWith("lowerarm") || bone.startsWith("hand")
                || bone.startsWith("thumb") || bone.startsWith("index") || bone.startsWith("middle")
                || bone.startsWith("ring") || bone.startsWith("pinky")) {
            return left ? LEFT_ARM : RIGHT_ARM;
        }
        return TORSO; // pelvis, spine, clavicles, root
    }
}
