package dev.mensura.vision.tflite;

import ai.djl.ndarray.NDArray;

/**
 * TFLite tensors are NHWC, PyTorch's convolutions want NCHW. Every rank-4 tensor therefore lives
 * in the executor as NCHW, converted once: constants at load, the input on entry, the outputs on
 * exit. Ops that see the memory order (reshape) or name an axis (concat, pad) translate here.
 */
final class Layout {
    private Layout() {
    }

    static NDArray toNchw(NDArray nhwc) {
        return nhwc.getShape().dimension() == 4 ? nhwc.transpose(0, 3, 1, 2) : nhwc;
    }

    static NDArray toNhwc(NDArray nchw) {
        return nchw.getShape().dimension() == 4 ? nchw.transpose(0, 2, 3, 1) : nchw;
    }

    /** An NHWC axis of a tensor of the given rank, as the executor's axis. */
    static int axis(int nhwcAxis, int rank) {
        int axis = nhwcAxis < 0 ? nhwcAxis + rank : nhwcAxis;
        if (rank != 4) {
            return axis;
        }
        return switch (axis) {
            case 0 -> 0;
            case 1 -> 2;
            case 2 -> 3;
            case 3 -> 1;
            default -> throw new UnsupportedModelException("axis " + nhwcAxis + " out of range");
        };
    }
}
