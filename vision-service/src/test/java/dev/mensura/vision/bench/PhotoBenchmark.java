package dev.mensura.vision.bench;

import dev.mensura.testkit.render.Scene;
import dev.mensura.vision.image.RgbImage;
import dev.mensura.vision.pose.PoseEstimate;
import dev.mensura.vision.pose.PoseEstimator;
import dev.mensura.vision.pose.RenderedPhotos;
import dev.mensura.vision.pose.SilhouetteContour;
import dev.mensura.vision.tflite.TfliteReference;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One 720x1280 photo through vision's whole per-photo path (letterbox, detection, decoding, NMS,
 * ROI crop, landmarks, heatmap refinement, mask projection, contour) against the reference: the
 * two inferences that path needs (person detector and full landmark model) run by TFLite's own
 * interpreter with the same threads, i.e. what the bare models cost.
 *
 * <p>Run: {@code dev/bench-vision Photo} (see docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class PhotoBenchmark {
    private PoseEstimator estimator;
    private RgbImage photo;
    private TfliteReference detector;
    private TfliteReference landmarker;
    private float[] detectorInput;
    private float[] landmarkInput;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        estimator = RenderedPhotos.estimator();
        photo = RenderedPhotos.pixels(Scene.front(1));
        detector = new TfliteReference(read("pose_detection.tflite"), 2);
        landmarker = new TfliteReference(read("pose_landmark_full.tflite"), 2);
        Random random = new Random(1);
        detectorInput = new float[224 * 224 * 3];
        landmarkInput = new float[256 * 256 * 3];
        for (int i = 0; i < landmarkInput.length; i++) {
            landmarkInput[i] = random.nextFloat();
            if (i < detectorInput.length) {
                detectorInput[i] = random.nextFloat() * 2 - 1;
            }
        }
    }

    private static ByteBuffer read(String name) throws IOException {
        return ByteBuffer.wrap(Files.readAllBytes(RenderedPhotos.MODELS.resolve(name)));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        detector.close();
        landmarker.close();
    }

    @Benchmark
    public float[] visionPerPhoto() {
        Optional<PoseEstimate> pose = estimator.estimate(photo);
        return SilhouetteContour.of(pose.orElseThrow().mask());
    }

    @Benchmark
    public float[] tfliteModelsOnly() {
        detector.run(detectorInput);
        return landmarker.run(landmarkInput).get(0);
    }
}
