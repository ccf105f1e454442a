package dev.mensura.vision.tflite;

/** The TFLite BuiltinOperator codes the executor implements (every op of the MediaPipe graphs). */
final class Builtin {
    static final int ADD = 0;
    static final int CONCATENATION = 2;
    static final int CONV_2D = 3;
    static final int DEPTHWISE_CONV_2D = 4;
    static final int DEPTH_TO_SPACE = 5;
    static final int DEQUANTIZE = 6;
    static final int LOGISTIC = 14;
    static final int MAX_POOL_2D = 17;
    static final int RELU = 19;
    static final int RESHAPE = 22;
    static final int RESIZE_BILINEAR = 23;
    static final int PAD = 34;
    static final int DENSIFY = 124;

    private Builtin() {
    }
}
