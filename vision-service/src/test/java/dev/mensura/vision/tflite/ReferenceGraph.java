package dev.mensura.vision.tflite;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** TFLite's interpreter behind the same interface as the executor, for pipeline-level comparisons. */
public final class ReferenceGraph implements InferenceGraph, AutoCloseable {
    private final TfliteGraph graph;
    private final TfliteReference reference;

    public ReferenceGraph(ByteBuffer file) {
        this.graph = TfliteReader.read(file);
        this.reference = new TfliteReference(file);
    }

    @Override
    public List<GraphOutput> run(float[] nhwc) {
        List<float[]> values = reference.run(nhwc);
        List<GraphOutput> outputs = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            TfliteGraph.Tensor t = graph.tensor(graph.outputs()[i]);
            outputs.add(new GraphOutput(t.name(), t.shape().clone(), values.get(i)));
        }
        return outputs;
    }

    @Override
    public void close() {
        reference.close();
    }
}
