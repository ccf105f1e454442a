package dev.mensura.torch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The engine runs offline from the bundled natives and computes what it should. */
class TorchDeviceTest {

    @Test
    void pytorchRunsOfflineFromTheBundledNatives() {
        TorchDevice.configure(Path.of("target/djl-cache"));
        assertThat(TorchDevice.engine().getEngineName()).isEqualTo("PyTorch");
        assertThat(TorchDevice.engine().getVersion()).isEqualTo("2.5.1");
        assertThat(TorchDevice.select("cpu", "device")).isEqualTo(Device.cpu());
        if (TorchDevice.engine().getGpuCount() == 0) {
            assertThat(TorchDevice.select("auto", "device")).isEqualTo(Device.cpu());
            assertThatThrownBy(() -> TorchDevice.select("gpu", "device")).hasMessageContaining("no GPU");
        }
        try (NDManager nd = NDManager.newBaseManager(Device.cpu(), TorchDevice.ENGINE)) {
            // A 3x3 box filter over a 4x4 ramp, no padding: each output is the mean-times-9 of its window.
            var input = nd.arange(16f).reshape(1, 1, 4, 4);
            var weight = nd.ones(new Shape(1, 1, 3, 3));
            var out = Conv2d.conv2d(input, weight, null, new Shape(1, 1), new Shape(0, 0), new Shape(1, 1), 1)
                    .singletonOrThrow();
            assertThat(out.getShape()).isEqualTo(new Shape(1, 1, 2, 2));
            assertThat(out.toFloatArray()).containsExactly(45f, 54f, 81f, 90f);
        }
    }
}
