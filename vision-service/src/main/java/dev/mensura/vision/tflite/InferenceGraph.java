package dev.mensura.vision.tflite;

import java.util.List;

/**
 * Something that runs a single-input TFLite graph: Mensura's {@link TorchGraph} in production; in
 * the tests also TFLite's own interpreter, so the whole pipeline can be compared with it.
 */
public interface InferenceGraph {

    /** @param nhwc the input in TFLite's layout, row-major; the outputs in the graph's order */
    List<GraphOutput> run(float[] nhwc);
}
