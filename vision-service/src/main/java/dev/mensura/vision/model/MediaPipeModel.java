package dev.mensura.vision.model;

import java.util.HexFormat;

/**
 * The MediaPipe graphs vision runs, each pinned by the SHA-256 of the file the build extracts
 * from the npm tarballs (whose own integrity the build checks first).
 */
public enum MediaPipeModel {
    POSE_DETECTION("pose_detection.tflite", "a63c614bef30d35947f13be361820b1e4e3bec9cfeebf4d11216a18373108e85"),
    POSE_LANDMARK_LITE("pose_landmark_lite.tflite", "f17bfbecadb61c3be1baa8b8d851cc6619c870a87167b32848ad20db306b9d61"),
    POSE_LANDMARK_FULL("pose_landmark_full.tflite", "e9a5c5cb17f736fafd4c2ec1da3b3d331d6edbe8a0d32395855aeb2cdfd64b9f"),
    POSE_LANDMARK_HEAVY("pose_landmark_heavy.tflite", "59e42d71bcd44cbdbabc419f0ff76686595fd265419566bd4009ef703ea8e1fe"),
    FACE_DETECTION_SHORT_RANGE("face_detection_short_range.tflite",
            "3bc182eb9f33925d9e58b5c8d59308a760f4adea8f282370e428c51212c26633"),
    FACE_DETECTION_FULL_RANGE("face_detection_full_range.tflite",
            "99bf9494d84f50acc6617d89873f71bf6635a841ea699c17cb3377f9507cfec3");

    private final String fileName;
    private final byte[] sha256;

    MediaPipeModel(String fileName, String sha256Hex) {
        this.fileName = fileName;
        this.sha256 = HexFormat.of().parseHex(sha256Hex);
    }

    public String fileName() {
        return fileName;
    }

    byte[] sha256() {
        return sha256.clone();
    }

    /** The landmark model for {@code mensura.vision.landmark-model} = lite, full or heavy. */
    public static MediaPipeModel landmark(String variant) {
        return switch (variant) {
            case "lite" -> POSE_LANDMARK_LITE;
            case "full" -> POSE_LANDMARK_FULL;
            case "heavy" -> POSE_LANDMARK_HEAVY;
            default -> throw new IllegalArgumentException("landmark model is lite, full or heavy");
        };
    }
}
