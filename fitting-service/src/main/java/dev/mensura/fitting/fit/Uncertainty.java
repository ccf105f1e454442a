package dev.mensura.fitting.fit;

import dev.mensura.fitting.measure.Measurement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An uncertainty for each measurement from how well the silhouettes agree: a girth comes from a
 * cross-section whose four extents (left and right in the front photo, front and back in the side
 * photo) are each known to about the silhouette's RMS edge error e; an ellipse's perimeter is about
 * π (a + b), and a + b is half the sum of the four edges, so with the edges independent its error is
 * about π · e. A length runs between two ends, √2 · e. Stature is given.
 * {@code dev/bench-fitting} and {@code dev/bench-photo} report how often the error falls inside.
 */
final class Uncertainty {
    private Uncertainty() {
    }

    static Map<String, Measurement> of(Map<String, Measurement> measured, double edgeRmsCm) {
        Map<String, Measurement> out = new LinkedHashMap<>();
        measured.forEach((name, m) -> {
            double factor = name.equals("stature") ? 0 : name.endsWith("girth") ? Math.PI : Math.sqrt(2);
            out.put(name, new Measurement(name, m.valueCm(), factor * edgeRmsCm));
        });
        return out;
    }
}
