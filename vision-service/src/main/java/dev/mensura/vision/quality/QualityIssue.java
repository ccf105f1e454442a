package dev.mensura.vision.quality;

/**
 * Why a photo cannot be used, as a stable reason code (in vision.failed) and a message the app can
 * show so the person knows what to retake.
 */
public enum QualityIssue {
    NO_PERSON("no-person", "No person was found in the photo. Stand in the middle of the frame, facing the camera."),
    MULTIPLE_PEOPLE("multiple-people", "More than one person is in the photo. Make sure you are alone in the frame."),
    BODY_CUT_OFF("body-cut-off", "Part of your body is outside the photo. Step back so your head and feet are in the frame."),
    NOT_A_POSE("not-a-pose", "Your arms are too close to your body. Hold them slightly away from your sides (A-pose)."),
    NOT_SIDE_VIEW("not-side-view", "The side photo does not show you from the side. Turn 90 degrees and take it again."),
    TOO_DARK("too-dark", "The photo is too dark. Take it again in a brighter room."),
    BLURRED("blurred", "The photo is blurred. Hold the camera still and take it again.");

    private final String reason;
    private final String message;

    QualityIssue(String reason, String message) {
        this.reason = reason;
        this.message = message;
    }

    public String reason() {
        return reason;
    }

    public String message() {
        return message;
    }
}
