package dev.mensura.vision.face;

import dev.mensura.vision.detection.Detection;
import dev.mensura.vision.detection.DetectionDecoder;
import dev.mensura.vision.detection.SsdAnchors;
import dev.mensura.vision.image.RgbImage;
import dev.mensura.vision.image.Roi;
import dev.mensura.vision.image.TensorSampler;
import dev.mensura.vision.model.MediaPipeModel;
import dev.mensura.vision.tflite.GraphOutput;
import dev.mensura.vision.tflite.InferenceGraph;
import java.util.ArrayList;
import java.util.List;

/**
 * Faces in a full-body photo, with MediaPipe's full-range face detector (192x192, faces up to
 * about 5 m away). A face in a full-body photo is small, so besides the whole photo the detector
 * also looks at overlapping square tiles half the photo's width; the boxes of all passes are
 * merged by weighted non-max suppression. Boxes are in photo pixels.
 */
public final class FaceDetector {
    public static final MediaPipeModel MODEL = MediaPipeModel.FACE_DETECTION_FULL_RANGE;
    private static final int SIZE = 192;
    private static final float MIN_SCORE = 0.6f;

    private final InferenceGraph graph;
    private final DetectionDecoder decoder = new DetectionDecoder(SsdAnchors.faceFullRange(), 16, 6, SIZE);

    public FaceDetector(InferenceGraph graph) {
        this.graph = graph;
    }

    /** @return boxes as {xmin, ymin, xmax, ymax} in photo pixels */
    public List<double[]> detect(RgbImage image) {
        List<Roi> passes = new ArrayList<>();
        passes.add(Roi.whole(image).letterboxed(SIZE, SIZE));
        double tile = Math.min(image.width(), image.height()) / 2.0;
        for (double cy = tile / 2; cy < image.height() + tile / 4; cy += tile / 2) {
            for (double cx = tile / 2; cx < image.width() + tile / 4; cx += tile / 2) {
                passes.add(new Roi(Math.min(cx, image.width() - tile / 2), Math.min(cy, image.height() - tile / 2),
                        tile, tile, 0));
            }
        }
        List<Detection> found = new ArrayList<>();
        int anchors = SsdAnchors.faceFullRange().count();
        for (Roi pass : passes) {
            float[] input = TensorSampler.sample(image, pass, SIZE, SIZE, -1f, 1f, false);
            List<GraphOutput> out = graph.run(input);
            float[] boxes = out.stream().filter(o -> o.values().length == anchors * 16).findFirst().orElseThrow().values();
            float[] scores = out.stream().filter(o -> o.values().length == anchors).findFirst().orElseThrow().values();
            for (Detection d : decoder.decode(boxes, scores, MIN_SCORE)) {
                found.add(toPhoto(d, pass, image));
            }
        }
        List<double[]> boxes = new ArrayList<>();
        for (Detection d : DetectionDecoder.weightedNms(found)) {
            boxes.add(new double[] {d.xmin() * image.width(), d.ymin() * image.height(), d.xmax() * image.width(),
                d.ymax() * image.height()});
        }
        return boxes;
    }

    /** From the pass's tensor coordinates to the photo's, normalised (no rotation here). */
    private static Detection toPhoto(Detection d, Roi pass, RgbImage image) {
        double[] min = pass.toImage(d.xmin(), d.ymin());
        double[] max = pass.toImage(d.xmax(), d.ymax());
        float w = image.width();
        float h = image.height();
        return new Detection(d.score(), (float) (min[0] / w), (float) (min[1] / h), (float) ((max[0] - min[0]) / w),
                (float) ((max[1] - min[1]) / h), new float[12]);
    }
}
