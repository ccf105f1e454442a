package dev.mensura.events.data;

import java.util.List;

/**
 * A job's photos are in ingest's RAM and can be fetched once each, by vision, with their
 * hand-over tokens. Never carries photo bytes (I1).
 *
 * @param heightCm stated height; personal data, to be carried encrypted once subject keys exist (I5)
 */
public record PhotoReceived(
        String jobId,
        String subjectPseudonym,
        List<PhotoRef> photos,
        int heightCm,
        boolean blurFaces,
        Integer focalLength35mm) {

    /** One photo as vision needs to fetch and orient it. */
    public record PhotoRef(String view, String handoverToken, String mediaType, int width, int height,
                           int orientation) {
    }
}
