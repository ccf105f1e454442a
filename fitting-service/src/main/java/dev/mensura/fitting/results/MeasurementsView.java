package dev.mensura.fitting.results;

import java.util.List;

/**
 * The measurements as the subject reads them (and as they are sealed in the store).
 *
 * @param fitQualityCm RMS distance between the fitted body's outline and the photos', in cm
 */
public record MeasurementsView(String jobId, String standard, String unit, double fitQualityCm,
                               List<Item> measurements) {
    public static final String STANDARD = "ISO 8559-1:2017";

    /** @param uncertainty one standard deviation, same unit */
    public record Item(String name, double value, double uncertainty) {
    }
}
