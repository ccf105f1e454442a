package dev.mensura.fitting.fit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import dev.mensura.torch.TorchDevice;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The blend on DJL tensors (PyTorch, CPU here) gives the Java blend's bodies. */
class TensorBlendTest {

    @Test
    void tensorsBlendAsJavaDoes() throws Exception {
        FitRoundTripTest.load();
        TorchDevice.configure(Path.of("target/djl-cache"));
        ShapeBasis java = new ShapeBasis(FitRoundTripTest.shapes);
        try (ShapeBasis tensors = new ShapeBasis(FitRoundTripTest.shapes, Device.cpu())) {
            assertThat(tensors.device()).isEqualTo(Device.cpu());
            Random random = new Random(17);
            for (int n = 0; n < 5; n++) {
                double[] shape = FitRoundTripTest.randomShape(random);
                double[] expected = java.positions(shape);
                double[] got = tensors.positions(shape);
                double worst = 0;
                for (int i = 0; i < got.length; i++) {
                    worst = Math.max(worst, Math.abs(got[i] - expected[i]));
                }
                // float32 over 84 rows: a few 1e-6 of the body's 17 decimetres
                assertThat(worst).as("largest difference, decimetres").isLessThan(1e-4);
            }
        }
    }
}
