package dev.mensura.vision.pose;

import dev.mensura.vision.detection.Detection;
import dev.mensura.vision.detection.DetectionDecoder;
import dev.mensura.vision.detection.SsdAnchors;
import dev.mensura.vision.image.RgbImage;
import dev.mensura.vision.image.Roi;
import dev.mensura.vision.image.TensorSampler;
import dev.mensura.vision.tflite.GraphOutput;
import dev.mensura.vision.tflite.InferenceGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * BlazePose on one still photo, as MediaPipe's pose graph does it in static-image mode: person
 * detection on the letterboxed photo, the ROI from the detector's hip-centre and body-size
 * keypoints, the landmark model on the rotated crop, everything projected back to the photo.
 * The numbers and formulas are MediaPipe v0.9.1's (pose_detection_cpu.pbtxt,
 * pose_landmark_by_roi_cpu.pbtxt and their calculators).
 */
public final class PoseEstimator {
    static final int DETECTOR_SIZE = 224;
    static final int LANDMARK_SIZE = 256;
    static final int HEATMAP_SIZE = 64;
    static final int MODEL_LANDMARKS = 39;
    static final float MIN_DETECTION_SCORE = 0.5f;
    private static final double ROI_SCALE = 1.25;

    private final InferenceGraph detector;
    private final InferenceGraph landmarker;
    private final DetectionDecoder decoder = new DetectionDecoder(SsdAnchors.poseDetector(), 12, 4, DETECTOR_SIZE);

    public PoseEstimator(InferenceGraph detector, InferenceGraph landmarker) {
        this.detector = detector;
        this.landmarker = landmarker;
    }

    /** Empty when no person is detected at all. */
    public Optional<PoseEstimate> estimate(RgbImage image) {
        List<Detection> people = detect(image);
        if (people.isEmpty()) {
            return Optional.empty();
        }
        Roi roi = roiFrom(people.get(0), image.width(), image.height());
        float[] crop = TensorSampler.sample(image, roi, LANDMARK_SIZE, LANDMARK_SIZE, 0f, 1f, true);
        List<GraphOutput> out = landmarker.run(crop);
        float[] raw = byLength(out, MODEL_LANDMARKS * 5);
        float presence = byLength(out, 1)[0];
        float[] segmentation = byLength(out, LANDMARK_SIZE * LANDMARK_SIZE);
        float[] heatmap = byLength(out, HEATMAP_SIZE * HEATMAP_SIZE * MODEL_LANDMARKS);
        float[] worldRaw = byLength(out, MODEL_LANDMARKS * 3);

        List<Landmark> landmarks = new ArrayList<>(PoseLandmarks.COUNT);
        float[][] world = new float[PoseLandmarks.COUNT][];
        double c = Math.cos(roi.rotation());
        double s = Math.sin(roi.rotation());
        for (int l = 0; l < PoseLandmarks.COUNT; l++) {
            int o = l * 5;
            double[] uv = HeatmapRefinement.refine(raw[o] / LANDMARK_SIZE, raw[o + 1] / LANDMARK_SIZE, heatmap, l,
                    HEATMAP_SIZE, MODEL_LANDMARKS);
            double[] xy = roi.toImage(uv[0], uv[1]);
            float z = (float) (raw[o + 2] / LANDMARK_SIZE * roi.width() / image.width());
            landmarks.add(new Landmark((float) (xy[0] / image.width()), (float) (xy[1] / image.height()), z,
                    sigmoid(raw[o + 3]), sigmoid(raw[o + 4])));
            // world landmarks turn with the ROI in the image plane only
            float wx = worldRaw[l * 3];
            float wy = worldRaw[l * 3 + 1];
            world[l] = new float[] {(float) (c * wx - s * wy), (float) (s * wx + c * wy), worldRaw[l * 3 + 2]};
        }
        SilhouetteMask mask = projectMask(segmentation, roi, image.width(), image.height());
        return Optional.of(new PoseEstimate(image.width(), image.height(), List.copyOf(people), roi, presence,
                List.copyOf(landmarks), world, mask));
    }

    /** Person detections in normalised photo coordinates, best first. */
    public List<Detection> detect(RgbImage image) {
        Roi letterbox = Roi.whole(image).letterboxed(DETECTOR_SIZE, DETECTOR_SIZE);
        float[] input = TensorSampler.sample(image, letterbox, DETECTOR_SIZE, DETECTOR_SIZE, -1f, 1f, false);
        List<GraphOutput> out = detector.run(input);
        int anchors = SsdAnchors.poseDetector().count();
        List<Detection> found = decoder.decode(byLength(out, anchors * 12), byLength(out, anchors),
                MIN_DETECTION_SCORE);
        float padX = (float) ((1 - image.width() / letterbox.width()) / 2);
        float padY = (float) ((1 - image.height() / letterbox.height()) / 2);
        return found.stream().map(d -> d.unletterbox(padX, padY)).toList();
    }

    /**
     * AlignmentPointsRects + RectTransformation: centred on the hip keypoint, side 2 x the distance
     * to the body-size keypoint, times 1.25, square; turned so that the body stands upright.
     */
    static Roi roiFrom(Detection person, int width, int height) {
        double x0 = person.keypointX(0) * width;
        double y0 = person.keypointY(0) * height;
        double x1 = person.keypointX(1) * width;
        double y1 = person.keypointY(1) * height;
        double side = 2 * Math.hypot(x1 - x0, y1 - y0) * ROI_SCALE;
        double rotation = normalizeRadians(Math.PI / 2 - Math.atan2(-(y1 - y0), x1 - x0));
        return new Roi(x0, y0, side, side, rotation);
    }

    static double normalizeRadians(double angle) {
        return angle - 2 * Math.PI * Math.floor((angle + Math.PI) / (2 * Math.PI));
    }

    /**
     * The 256x256 mask (sigmoid of the logits) sampled back onto a fixed grid over the photo:
     * each cell's centre is mapped into the ROI and read bilinearly, zero outside the ROI.
     */
    static SilhouetteMask projectMask(float[] logits, Roi roi, int imageWidth, int imageHeight) {
        float[] mask = new float[logits.length];
        for (int i = 0; i < logits.length; i++) {
            mask[i] = sigmoid(logits[i]);
        }
        double cell = (double) Math.max(imageWidth, imageHeight) / SilhouetteMask.LONG_SIDE;
        int gw = (int) Math.round(imageWidth / cell);
        int gh = (int) Math.round(imageHeight / cell);
        float[] grid = new float[gw * gh];
        for (int gy = 0; gy < gh; gy++) {
            for (int gx = 0; gx < gw; gx++) {
                double[] uv = roi.toRoi((gx + 0.5) * cell - 0.5, (gy + 0.5) * cell - 0.5);
                grid[gy * gw + gx] = bilinear(mask, LANDMARK_SIZE, uv[0] * LANDMARK_SIZE, uv[1] * LANDMARK_SIZE);
            }
        }
        return new SilhouetteMask(gw, gh, grid);
    }

    private static float bilinear(float[] m, int size, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        return (float) ((1 - fy) * ((1 - fx) * at(m, size, x0, y0) + fx * at(m, size, x0 + 1, y0))
                + fy * ((1 - fx) * at(m, size, x0, y0 + 1) + fx * at(m, size, x0 + 1, y0 + 1)));
    }

    private static float at(float[] m, int size, int x, int y) {
        return x < 0 || y < 0 || x >= size || y >= size ? 0 : m[y * size + x];
    }

    static float sigmoid(float x) {
        return (float) (1 / (1 + Math.exp(-x)));
    }

    /** Outputs are told apart by size, which is what MediaPipe's tensor split relies on too. */
    private static float[] byLength(List<GraphOutput> outputs, int length) {
        return outputs.stream().filter(o -> o.values().length == length).findFirst()
                .orElseThrow(() -> new IllegalStateException("the model has no output of " + length + " values"))
                .values();
    }
}
