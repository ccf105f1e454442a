package dev.mensura.fitting.measure;

/**
 * One body measurement as ISO 8559-1 names it, in centimetres.
 *
 * @param uncertaintyCm one standard deviation from the fit; 0 for a measurement of a known mesh
 */
public record Measurement(String name, double valueCm, double uncertaintyCm) {
    public static final String UNIT = "cm";
}
