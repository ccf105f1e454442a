package dev.mensura.vision.engine;

import ai.djl.Device;
import dev.mensura.torch.TorchDevice;
import dev.mensura.vision.face.FaceDetector;
import dev.mensura.vision.model.MediaPipeModel;
import dev.mensura.vision.model.ModelDirectory;
import dev.mensura.vision.pose.PoseEstimator;
import dev.mensura.vision.tflite.TfliteReader;
import dev.mensura.vision.tflite.TorchGraph;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The graphs vision runs, loaded once on the configured device and shared by every job. Loaded
 * on first use rather than at start, so a pod whose models are missing still starts and says so
 * on its readiness check instead of crash-looping.
 */
@ApplicationScoped
public class VisionEngine {
    private final ModelDirectory models;
    private final MediaPipeModel landmarkModel;
    private final String deviceChoice;
    private final Path engineCacheDir;
    private final List<TorchGraph> loaded = new ArrayList<>();
    private volatile PoseEstimator pose;
    private volatile FaceDetector faces;
    private Device device;

    public VisionEngine(@ConfigProperty(name = "mensura.vision.models-dir") Path modelsDir,
                        @ConfigProperty(name = "mensura.vision.landmark-model") String landmark,
                        @ConfigProperty(name = "mensura.vision.device") String deviceChoice,
                        @ConfigProperty(name = "mensura.vision.engine-cache-dir") Path engineCacheDir) {
        this.landmarkModel = MediaPipeModel.landmark(landmark);
        this.models = new ModelDirectory(modelsDir, EnumSet.of(MediaPipeModel.POSE_DETECTION, landmarkModel,
                FaceDetector.MODEL));
        this.deviceChoice = deviceChoice;
        this.engineCacheDir = engineCacheDir;
    }

    /**
     * Loads the graphs in the background once the service is up, so the first job does not pay
     * for it; a missing model leaves them unloaded (readiness says why) and the first job retries.
     */
    void warmUp(@Observes StartupEvent started) {
        if (models.problems().isEmpty()) {
            Thread warmUp = new Thread(() -> {
                try {
                    load();
                } catch (RuntimeException e) {
                    Log.warnf("MediaPipe graphs not loaded at start: %s", e.getClass().getName());
                }
            }, "vision-warm-up");
            warmUp.setDaemon(true);
            warmUp.start();
        }
    }

    public PoseEstimator pose() {
        if (pose == null) {
            load();
        }
        return pose;
    }

    public FaceDetector faces() {
        if (faces == null) {
            load();
        }
        return faces;
    }

    public String landmarkModel() {
        return landmarkModel.name().substring("POSE_LANDMARK_".length()).toLowerCase();
    }

    private synchronized void load() {
        if (pose != null) {
            return;
        }
        List<String> problems = models.problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("models not ready: " + String.join("; ", problems));
        }
        TorchDevice.configure(engineCacheDir);
        device = TorchDevice.select(deviceChoice, "mensura.vision.device");
        Log.infof("loading MediaPipe graphs on %s", device);
        faces = new FaceDetector(graph(FaceDetector.MODEL));
        pose = new PoseEstimator(graph(MediaPipeModel.POSE_DETECTION), graph(landmarkModel));
    }

    private TorchGraph graph(MediaPipeModel model) {
        try {
            TorchGraph graph = TorchGraph.load(TfliteReader.read(java.nio.ByteBuffer.wrap(models.verifiedBytes(model))),
                    device);
            loaded.add(graph);
            return graph;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PreDestroy
    public synchronized void close() {
        loaded.forEach(TorchGraph::close);
        loaded.clear();
    }
}
