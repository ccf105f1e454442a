package dev.mensura.vision.pose;

import ai.djl.Device;
import dev.mensura.testkit.render.RenderedScene;
import dev.mensura.torch.TorchDevice;
import dev.mensura.vision.image.RgbImage;
import dev.mensura.vision.model.MediaPipeModel;
import dev.mensura.vision.tflite.TfliteReader;
import dev.mensura.vision.tflite.TorchGraph;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Rendered synthetic photos as vision sees them, and the graphs loaded once for the tests. */
public final class RenderedPhotos {
    public static final Path MODELS = Path.of("../.models");
    private static TorchGraph detector;
    private static TorchGraph landmarker;
    private static TorchGraph faces;

    private RenderedPhotos() {
    }

    public static RgbImage pixels(RenderedScene scene) {
        int w = scene.width();
        int h = scene.height();
        return new RgbImage(w, h, scene.image().getRGB(0, 0, w, h, null, 0, w));
    }

    public static synchronized PoseEstimator estimator() {
        if (detector == null) {
            detector = graph(MediaPipeModel.POSE_DETECTION);
            landmarker = graph(MediaPipeModel.POSE_LANDMARK_FULL);
        }
        return new PoseEstimator(detector, landmarker);
    }

    public static synchronized TorchGraph faceGraph() {
        if (faces == null) {
            faces = graph(dev.mensura.vision.face.FaceDetector.MODEL);
        }
        return faces;
    }

    private static TorchGraph graph(MediaPipeModel model) {
        TorchDevice.configure(Path.of("target/djl-cache"));
        try {
            return TorchGraph.load(TfliteReader.read(MODELS.resolve(model.fileName())), Device.cpu());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
