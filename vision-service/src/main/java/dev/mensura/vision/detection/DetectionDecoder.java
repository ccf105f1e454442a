package dev.mensura.vision.detection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * MediaPipe's TensorsToDetections (reverse output order, fixed-size anchors, sigmoid scores with
 * the logit clipped at ±100) followed by weighted non-max suppression at IoU 0.3.
 */
public final class DetectionDecoder {
    private static final float SCORE_CLIP = 100f;
    private static final float SUPPRESSION_IOU = 0.3f;

    private final SsdAnchors anchors;
    private final int coords;
    private final int keypoints;
    private final float scale;

    public DetectionDecoder(SsdAnchors anchors, int coords, int keypoints, float inputSize) {
        this.anchors = anchors;
        this.coords = coords;
        this.keypoints = keypoints;
        this.scale = inputSize;
    }

    /** Boxes above {@code minScore}, merged, best first. */
    public List<Detection> decode(float[] boxes, float[] scores, float minScore) {
        if (scores.length != anchors.count() || boxes.length != anchors.count() * coords) {
            throw new IllegalArgumentException("detector output does not match its anchors");
        }
        List<Detection> candidates = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            float logit = Math.max(-SCORE_CLIP, Math.min(SCORE_CLIP, scores[i]));
            float score = (float) (1 / (1 + Math.exp(-logit)));
            if (score < minScore) {
                continue;
            }
            int o = i * coords;
            float ax = anchors.centers()[2 * i];
            float ay = anchors.centers()[2 * i + 1];
            float xc = boxes[o] / scale + ax;
            float yc = boxes[o + 1] / scale + ay;
            float w = boxes[o + 2] / scale;
            float h = boxes[o + 3] / scale;
            if (!(w >= 0) || !(h >= 0)) {
                continue;
            }
            float[] k = new float[keypoints * 2];
            for (int p = 0; p < keypoints; p++) {
                k[2 * p] = boxes[o + 4 + 2 * p] / scale + ax;
                k[2 * p + 1] = boxes[o + 5 + 2 * p] / scale + ay;
            }
            candidates.add(new Detection(score, xc - w / 2, yc - h / 2, w, h, k));
        }
        return weightedNms(candidates);
    }

    /**
     * Each round takes the best remaining box and every box overlapping it by more than the
     * threshold (itself included), and keeps the best box's score with the score-weighted mean of
     * their boxes and keypoints.
     */
    public static List<Detection> weightedNms(List<Detection> detections) {
        List<Detection> remaining = new ArrayList<>(detections);
        remaining.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> out = new ArrayList<>();
        while (!remaining.isEmpty()) {
            Detection top = remaining.get(0);
            List<Detection> cluster = new ArrayList<>();
            List<Detection> rest = new ArrayList<>();
            for (Detection d : remaining) {
                (d.iou(top) > SUPPRESSION_IOU ? cluster : rest).add(d);
            }
            if (cluster.isEmpty()) {
                cluster.add(top);
                rest.remove(top);
            }
            double total = 0;
            double xmin = 0;
            double ymin = 0;
            double xmax = 0;
            double ymax = 0;
            double[] k = new double[top.keypoints().length];
            for (Detection d : cluster) {
                double s = d.score();
                total += s;
                xmin += d.xmin() * s;
                ymin += d.ymin() * s;
                xmax += d.xmax() * s;
                ymax += d.ymax() * s;
                for (int i = 0; i < k.length; i++) {
                    k[i] += d.keypoints()[i] * s;
                }
            }
            float[] kp = new float[k.length];
            for (int i = 0; i < k.length; i++) {
                kp[i] = (float) (k[i] / total);
            }
            out.add(new Detection(top.score(), (float) (xmin / total), (float) (ymin / total),
                    (float) ((xmax - xmin) / total), (float) ((ymax - ymin) / total), kp));
            remaining = rest;
        }
        return out;
    }
}
