package dev.mensura.vision.bench;

import ai.djl.Device;
import dev.mensura.torch.TorchDevice;
import dev.mensura.vision.tflite.GraphOutput;
import dev.mensura.vision.tflite.TfliteGraph;
import dev.mensura.vision.tflite.TfliteReader;
import dev.mensura.vision.tflite.TfliteReference;
import dev.mensura.vision.tflite.TorchGraph;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One inference of a MediaPipe graph by Mensura's executor (DJL on PyTorch, CPU) against the
 * reference: TFLite 2.6.2's own interpreter on the same file and input, in the same JVM, with the
 * same number of threads as PyTorch's intra-op pool.
 *
 * <p>Run: {@code dev/bench-vision Graph} (see docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class GraphBenchmark {
    @Param({"pose_detection.tflite", "pose_landmark_full.tflite", "face_detection_full_range.tflite"})
    public String model;

    @Param("2")
    public int threads;

    private TorchGraph executor;
    private TfliteReference reference;
    private float[] input;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        TorchDevice.configure(Path.of("target/djl-cache"));
        ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(Path.of("../.models").resolve(model)));
        TfliteGraph graph = TfliteReader.read(file);
        executor = TorchGraph.load(graph, Device.cpu());
        reference = new TfliteReference(file, threads);
        input = new float[(int) graph.tensor(graph.inputs()[0]).elementCount()];
        Random random = new Random(1);
        for (int i = 0; i < input.length; i++) {
            input[i] = random.nextFloat();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        executor.close();
        reference.close();
    }

    @Benchmark
    public List<GraphOutput> executor() {
        return executor.run(input);
    }

    @Benchmark
    public List<float[]> tfliteReference() {
        return reference.run(input);
    }
}
