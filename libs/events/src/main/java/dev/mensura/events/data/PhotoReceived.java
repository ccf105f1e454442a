package dev.mensura.events.data;

import java.util.List;

/**
 * A job's photos are in ingest's RAM and can be fetched once each, by vision, with their
 * hand-over tokens. Never carries photo bytes (I1).
 *
 * @param heightCmSealed stated height in cm, personal data, so sealed with the subject's key (I5):
 *     base64 of {@code SubjectCrypto.encrypt(subjectPseudonym, HEIGHT_PLACE, decimal text)}
 */
public record PhotoReceived(
        String jobId,
        String subjectPseudonym,
        List<PhotoRef> photos,
        String heightCmSealed,
        boolean blurFaces,
        Integer focalLength35mm) {

    /** Where the height ciphertext belongs: a copy placed anywhere else will not decrypt. */
    public static final String HEIGHT_PLACE = "topic:photo.received/heightCm";

    /**
     * One photo as vision needs to fetch and orient it. {@code handoverUrl} points at the ingest
     * pod that holds the photo (tokens and files are that pod's alone), with the token as its
     * last path segment.
     */
    public record PhotoRef(String view, String handoverToken, String handoverUrl, String mediaType, int width,
                           int height, int orientation) {
    }
}
