package dev.mensura.fitting.fit;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.mensura.torch.TorchDevice;

/**
 * {@link ShapeBasis}'s blend as one matrix product on DJL's PyTorch engine (CPU, or CUDA on a GPU
 * node): the 54 corner bodies and the 30 modifier targets (incr and decr) stacked once into a
 * [84, 3·vertices] float32 tensor kept on the device; a body is the row of 84 weights times it.
 * The result comes back to the JVM, where the silhouettes are traced.
 */
final class TensorBlend implements AutoCloseable {
    private final NDManager manager;
    private final NDArray basis;
    private final int rows;
    private final int columns;

    TensorBlend(float[][] stacked, Device device) {
        this.rows = stacked.length;
        this.columns = stacked[0].length;
        this.manager = NDManager.newBaseManager(device, TorchDevice.ENGINE);
        float[] flat = new float[rows * columns];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(stacked[r], 0, flat, r * columns, columns);
        }
        this.basis = manager.create(flat, new Shape(rows, columns));
    }

    /** weights (one per stacked row) × the stack: every vertex's position, decimetres. */
    double[] blend(float[] weights) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray w = scope.create(weights, new Shape(1, rows));
            float[] out = w.matMul(basis).toFloatArray();
            double[] positions = new double[columns];
            for (int i = 0; i < columns; i++) {
                positions[i] = out[i];
            }
            return positions;
        }
    }

    Device device() {
        return manager.getDevice();
    }

    @Override
    public void close() {
        manager.close();
    }
}
