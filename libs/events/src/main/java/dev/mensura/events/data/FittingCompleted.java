package dev.mensura.events.data;

/**
 * fitting's outcome for a job: measured ({@code reason} null) or not, with a stable reason slug
 * (poor-fit, unusable-features …). Numbers about the body stay in fitting's store, sealed.
 *
 * @param silhouetteRmsCm how far the fitted body's outline lies from the photos', the fit's quality
 */
public record FittingCompleted(String jobId, String subjectPseudonym, boolean measured, String reason,
                               Double silhouetteRmsCm) {
}
