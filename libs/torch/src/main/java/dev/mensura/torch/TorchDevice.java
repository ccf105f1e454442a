package dev.mensura.torch;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.nio.file.Path;
import java.util.Objects;

/**
 * DJL's PyTorch engine, set up the way Mensura runs it: offline (the natives come from the
 * {@code pytorch-native-cpu} jar, nothing is downloaded), the natives extracted to a configured
 * directory (a writable emptyDir when the root filesystem is read-only), and the device chosen by a
 * service's setting ({@code mensura.vision.device}, {@code mensura.fitting.device}): {@code auto}
 * takes a GPU when the engine sees one.
 */
public final class TorchDevice {
    public static final String ENGINE = "PyTorch";

    private TorchDevice() {
    }

    /** Must run before the engine is first touched; later calls change nothing. */
    public static synchronized void configure(Path engineCacheDir) {
        System.setProperty("ai.djl.offline", "true");
        if (engineCacheDir != null && System.getProperty("ENGINE_CACHE_DIR") == null) {
            System.setProperty("ENGINE_CACHE_DIR", engineCacheDir.toAbsolutePath().toString());
        }
    }

    public static Engine engine() {
        return Engine.getEngine(ENGINE);
    }

    /**
     * @param choice {@code auto}, {@code cpu} or {@code gpu} (which fails without one)
     * @param setting the setting the choice came from, for the messages
     */
    public static Device select(String choice, String setting) {
        Objects.requireNonNull(choice, "choice");
        int gpus = engine().getGpuCount();
        return switch (choice) {
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (gpus == 0) {
                    throw new IllegalStateException(setting + "=gpu but the engine sees no GPU");
                }
                yield Device.gpu();
            }
            case "auto" -> gpus > 0 ? Device.gpu() : Device.cpu();
            default -> throw new IllegalArgumentException(setting + " is auto, cpu or gpu");
        };
    }
}
