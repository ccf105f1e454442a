package dev.mensura.vision.tflite;

import ai.djl.ndarray.NDArray;

/** One prepared operator: its weights and options are bound at load, only activations flow in. */
@FunctionalInterface
interface Kernel {
    NDArray apply(NDArray[] inputs);
}
