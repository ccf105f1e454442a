package dev.mensura.vision.tflite;

/** A graph output, NHWC like TFLite's, as plain floats off the device. */
public record GraphOutput(String name, int[] shape, float[] values) {
}
