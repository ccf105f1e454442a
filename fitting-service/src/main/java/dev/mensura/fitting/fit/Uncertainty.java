package dev.mensura.fitting.fit;

import dev.mensura.fitting.measure.Measurement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An uncertainty for each measurement from how well the silhouettes agree: a girth comes from a
 * cross-section whose front and side extents are each known to about the silhouette's RMS edge
 * error e, so its error is about π/√2 · e (an ellipse's perimeter moves by π/2 per unit of each
 * semi-axis sum, the two edges independent); a length along the body by √2 · e; stature is given.
 */
final class Uncertainty {
    private Uncertainty() {
    }

    static Map<String, Measurement> of(Map<String, Measurement> measured, double edgeRmsCm) {
        Map<String, Measurement> out = new LinkedHashMap<>();
        measured.forEach((name, m) -> {
            double factor = name.equals("stature") ? 0 : name.endsWith("girth") ? Math.PI / Math.sqrt(2)
                    : Math.sqrt(2);
            out.put(name, new Measurement(name, m.valueCm(), factor * edgeRmsCm));
        });
        return out;
    }
}
