package dev.mensura.fitting.engine;

import ai.djl.Device;
import dev.mensura.fitting.body.BodyModel;
import dev.mensura.fitting.body.Rig;
import dev.mensura.fitting.fit.BodyFitter;
import dev.mensura.fitting.fit.ShapeSpace;
import dev.mensura.torch.TorchDevice;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The body model, its rig and the fitter, loaded once from the configured directory and shared
 * by every job. Loaded in the background at start; a missing model leaves the service running
 * and not ready (see {@link BodyModelReadiness}).
 */
@ApplicationScoped
public class FittingEngine {
    private final Path dir;
    private volatile Loaded loaded;

    /** What a fit needs, loaded together. */
    public record Loaded(BodyModel model, Rig rig, BodyFitter fitter) {
    }

    private final String blend;
    private final String device;
    private final Path engineCacheDir;

    public FittingEngine(@ConfigProperty(name = "mensura.fitting.bodymodel-dir") Path dir,
                         @ConfigProperty(name = "mensura.fitting.blend") String blend,
                         @ConfigProperty(name = "mensura.fitting.device") String device,
                         @ConfigProperty(name = "mensura.fitting.engine-cache-dir") Path engineCacheDir) {
        this.dir = dir;
        this.blend = blend;
        this.device = device;
        this.engineCacheDir = engineCacheDir;
    }

    void warmUp(@Observes StartupEvent started) {
        if (!present()) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                get();
            } catch (RuntimeException e) {
                Log.warnf("body model not loaded at start: %s", e.getClass().getName());
            }
        }, "fitting-warm-up");
        t.setDaemon(true);
        t.start();
    }

    public boolean present() {
        return Files.isRegularFile(dir.resolve("3dobjs/base.obj")) && Files.isRegularFile(dir.resolve(Rig.RIG))
                && Files.isRegularFile(dir.resolve(Rig.WEIGHTS));
    }

    public Path dir() {
        return dir;
    }

    public Loaded get() {
        Loaded l = loaded;
        if (l == null) {
            synchronized (this) {
                if (loaded == null) {
                    loaded = load();
                }
                l = loaded;
            }
        }
        return l;
    }

    /** {@code mensura.fitting.blend=tensor}: the body blended on DJL tensors on the chosen device. */
    private Device blendDevice() {
        switch (blend) {
            case "java":
                return null;
            case "tensor":
                TorchDevice.configure(engineCacheDir);
                return TorchDevice.select(device, "mensura.fitting.device");
            default:
                throw new IllegalArgumentException("mensura.fitting.blend is java or tensor");
        }
    }

    private Loaded load() {
        try {
            BodyModel model = BodyModel.load(dir);
            Rig rig = Rig.read(dir);
            return new Loaded(model, rig, new BodyFitter(new ShapeSpace(model), rig, blendDevice()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
