package dev.mensura.vision.tflite;

/** The file uses something of the TFLite format this executor does not implement. */
public class UnsupportedModelException extends RuntimeException {
    public UnsupportedModelException(String message) {
        super(message);
    }
}
