package dev.mensura.events.data;

/**
 * Vision has read both photos; they can be destroyed. What fitting needs travels sealed for the
 * subject (I5): never image bytes, never a mask image.
 *
 * @param featuresSealed base64 of {@code SubjectCrypto.encrypt(subjectPseudonym, FEATURES_PLACE,
 *     JSON of VisionFeatures)}
 * @param heightCmSealed photo.received's sealed height, passed on unopened (it decrypts at
 *     {@link PhotoReceived#HEIGHT_PLACE})
 * @param focalLength35mm the EXIF 35 mm-equivalent focal length when the photo had one
 */
public record VisionCompleted(String jobId, String subjectPseudonym, String featuresSealed, String heightCmSealed,
                              Integer focalLength35mm) {

    public static final String FEATURES_PLACE = "topic:vision.completed/features";
}
