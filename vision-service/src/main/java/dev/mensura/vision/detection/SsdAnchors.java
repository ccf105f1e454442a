package dev.mensura.vision.detection;

import java.util.ArrayList;
import java.util.List;

/**
 * MediaPipe's SsdAnchorsCalculator for fixed-size anchors (w = h = 1): one anchor per aspect
 * ratio plus one interpolated per layer, layers with equal strides merged into one grid. Gives
 * 2254 anchors for the pose detector, 896 for the short-range and 2304 for the full-range face
 * detector. With fixed sizes the scales only decide how many anchors a cell has.
 *
 * @param centers x, y pairs in the tensor's normalised coordinates
 */
public record SsdAnchors(float[] centers) {

    /**
     * @param interpolated whether each layer adds the interpolated-scale anchor (MediaPipe's
     *     interpolated_scale_aspect_ratio 1.0, its default) or not (0.0)
     */
    public static SsdAnchors fixedSize(int inputSize, int[] strides, boolean interpolated) {
        List<float[]> anchors = new ArrayList<>();
        int layer = 0;
        while (layer < strides.length) {
            int perCell = 0;
            int last = layer;
            while (last < strides.length && strides[last] == strides[layer]) {
                perCell += interpolated ? 2 : 1; // aspect ratio 1.0, and the interpolated scale
                last++;
            }
            int cells = (int) Math.ceil((double) inputSize / strides[layer]);
            for (int y = 0; y < cells; y++) {
                for (int x = 0; x < cells; x++) {
                    for (int k = 0; k < perCell; k++) {
                        anchors.add(new float[] {(x + 0.5f) / cells, (y + 0.5f) / cells});
                    }
                }
            }
            layer = last;
        }
        float[] centers = new float[anchors.size() * 2];
        for (int i = 0; i < anchors.size(); i++) {
            centers[2 * i] = anchors.get(i)[0];
            centers[2 * i + 1] = anchors.get(i)[1];
        }
        return new SsdAnchors(centers);
    }

    public int count() {
        return centers.length / 2;
    }

    public static SsdAnchors poseDetector() {
        return fixedSize(224, new int[] {8, 16, 32, 32, 32}, true);
    }

    public static SsdAnchors faceShortRange() {
        return fixedSize(128, new int[] {8, 16, 16, 16}, true);
    }

    /** face_detection_full_range.pbtxt: one 48x48 layer, stride 4, no interpolated anchor. */
    public static SsdAnchors faceFullRange() {
        return fixedSize(192, new int[] {4}, false);
    }
}
