package dev.mensura.fitting.measure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mensura.fitting.body.BodyModel;
import dev.mensura.fitting.body.Macro;
import dev.mensura.fitting.body.Rig;
import dev.mensura.testkit.render.BodyModelDir;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The measurements on the hm08 body: adult values for the average woman and man, and each
 * MakeHuman "measure-*" target raising the measurement it is named for.
 */
class BodyMeasurerTest {
    private static BodyModel model;
    private static BodyMeasurer measurer;

    @BeforeAll
    static void load() throws IOException {
        Path dir = BodyModelDir.resolve();
        model = BodyModel.load(dir);
        String[] bones = Rig.read(dir).dominantBones(model.base().vertexCount());
        Segment[] segments = new Segment[bones.length];
        for (int v = 0; v < bones.length; v++) {
            segments[v] = Segment.ofBone(bones[v]);
        }
        measurer = new BodyMeasurer(segments, model.base().groups());
    }

    @Test
    void theAverageWomanAndManHaveAdultMeasurements() {
        Map<String, Measurement> woman = measure(Macro.average(0), Map.of(), true);
        Map<String, Measurement> man = measure(Macro.average(1), Map.of(), false);
        woman.values().forEach(m -> System.out.printf("woman %-18s %6.1f cm%n", m.name(), m.valueCm()));
        man.values().forEach(m -> System.out.printf("man   %-18s %6.1f cm%n", m.name(), m.valueCm()));
        // broad adult ranges (e.g. ANSUR II 1st–99th percentiles, widened): the point is that each
        // measurement is taken where it should be, not that the default body is any given person
        assertThat(man.get("stature").valueCm()).isBetween(160.0, 190.0);
        assertThat(man.get("chest girth").valueCm()).isBetween(80.0, 120.0);
        assertThat(woman.get("bust girth").valueCm()).isBetween(75.0, 120.0);
        assertThat(woman.get("under-bust girth").valueCm()).isBetween(60.0, woman.get("bust girth").valueCm());
        assertThat(woman.get("waist girth").valueCm()).isBetween(55.0, 100.0);
        assertThat(woman.get("hip girth").valueCm()).isBetween(80.0, 125.0);
        assertThat(man.get("neck girth").valueCm()).isBetween(28.0, 45.0);
        assertThat(man.get("thigh girth").valueCm()).isBetween(40.0, 70.0);
        assertThat(man.get("knee girth").valueCm()).isBetween(28.0, 45.0);
        assertThat(man.get("calf girth").valueCm()).isBetween(28.0, 45.0);
        assertThat(man.get("upper-arm girth").valueCm()).isBetween(20.0, 40.0);
        assertThat(man.get("wrist girth").valueCm()).isBetween(12.0, 22.0);
        assertThat(man.get("shoulder width").valueCm()).isBetween(30.0, 55.0);
        assertThat(man.get("arm length").valueCm()).isBetween(45.0, 70.0);
        assertThat(man.get("back length").valueCm()).isBetween(35.0, 55.0);
        assertThat(man.get("crotch height").valueCm()).isBetween(65.0, 90.0);
        assertThat(man.get("inside leg length").valueCm()).isGreaterThanOrEqualTo(man.get("crotch height").valueCm());
    }

    @ParameterizedTest
    @CsvSource({
        "measure-bust-circ-incr, bust girth",
        "measure-underbust-circ-incr, under-bust girth",
        "measure-waist-circ-incr, waist girth",
        "measure-hips-circ-incr, hip girth",
        "measure-neck-circ-incr, neck girth",
        "measure-thigh-circ-incr, thigh girth",
        "measure-knee-circ-incr, knee girth",
        "measure-calf-circ-incr, calf girth",
        "measure-upperarm-circ-incr, upper-arm girth",
        "measure-wrist-circ-incr, wrist girth",
        "measure-shoulder-dist-incr, shoulder width",
        "measure-napetowaist-dist-incr, back length",
        "measure-upperarm-length-incr, arm length",
        "measure-upperleg-height-incr, crotch height"})
    void eachMeasureTargetRaisesItsMeasurement(String target, String measurement) {
        double before = measure(Macro.average(0), Map.of(), true).get(measurement).valueCm();
        double after = measure(Macro.average(0), Map.of(target, 1.0), true).get(measurement).valueCm();
        System.out.printf("%-30s %-18s %6.1f -> %6.1f cm%n", target, measurement, before, after);
        assertThat(after).isGreaterThan(before + 0.3);
    }

    private static Map<String, Measurement> measure(Macro macro, Map<String, Double> modifiers, boolean female) {
        return measurer.measure(model.mesh(model.positions(macro, modifiers)), female);
    }
}
