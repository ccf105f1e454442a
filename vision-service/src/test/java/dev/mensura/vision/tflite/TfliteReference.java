package dev.mensura.vision.tflite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.lite.Interpreter;

/**
 * TFLite's own interpreter (2.6.2, from DJL's last TFLite engine), the reference the executor is
 * compared with. Its JNI library is extracted from the native jar and loaded once per JVM.
 */
public final class TfliteReference implements AutoCloseable {
    private static boolean loaded;

    private final Interpreter interpreter;

    TfliteReference(ByteBuffer model) {
        this(model, 1);
    }

    public TfliteReference(ByteBuffer model, int threads) {
        loadNatives();
        ByteBuffer direct = ByteBuffer.allocateDirect(model.remaining()).order(ByteOrder.nativeOrder());
        direct.put(model.duplicate()).flip();
        this.interpreter = new Interpreter(direct, new Interpreter.Options().setNumThreads(threads));
    }

    /** Outputs in the graph's order, NHWC as TFLite holds them. */
    public List<float[]> run(float[] input) {
        ByteBuffer in = ByteBuffer.allocateDirect(input.length * 4).order(ByteOrder.nativeOrder());
        in.asFloatBuffer().put(input);
        Map<Integer, Object> outputs = new HashMap<>();
        List<ByteBuffer> buffers = new ArrayList<>();
        for (int i = 0; i < interpreter.getOutputTensorCount(); i++) {
            ByteBuffer out = ByteBuffer.allocateDirect(interpreter.getOutputTensor(i).numBytes())
                    .order(ByteOrder.nativeOrder());
            buffers.add(out);
            outputs.put(i, out);
        }
        interpreter.runForMultipleInputsOutputs(new Object[] {in}, outputs);
        List<float[]> result = new ArrayList<>();
        for (ByteBuffer out : buffers) {
            out.rewind();
            float[] values = new float[out.remaining() / 4];
            out.asFloatBuffer().get(values);
            result.add(values);
        }
        return result;
    }

    private static synchronized void loadNatives() {
        if (loaded) {
            return;
        }
        try (InputStream so = TfliteReference.class.getResourceAsStream("/native/lib/libtensorflowlite_jni.so")) {
            if (so == null) {
                throw new IllegalStateException("tflite-native-cpu (linux-x86_64) is not on the test classpath");
            }
            Path file = Files.createTempFile("tflite-jni", ".so");
            Files.copy(so, file, StandardCopyOption.REPLACE_EXISTING);
            file.toFile().deleteOnExit();
            System.load(file.toString());
            loaded = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        interpreter.close();
    }
}
