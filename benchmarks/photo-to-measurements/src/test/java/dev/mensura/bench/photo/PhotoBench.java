package dev.mensura.bench.photo;

import ai.djl.Device;
import dev.mensura.events.data.VisionFeatures;
import dev.mensura.fitting.bench.Accuracy;
import dev.mensura.fitting.bench.FitBench;
import dev.mensura.fitting.bench.SyntheticBody;
import dev.mensura.fitting.body.BodyModel;
import dev.mensura.fitting.fit.BodyFitter;
import dev.mensura.fitting.fit.ShapeSpace;
import dev.mensura.fitting.fit.ViewObservation;
import dev.mensura.fitting.job.Observations;
import dev.mensura.testkit.render.BodyModelDir;
import dev.mensura.testkit.render.RenderedScene;
import dev.mensura.testkit.render.Scene;
import dev.mensura.testkit.render.View;
import dev.mensura.torch.TorchDevice;
import dev.mensura.vision.image.RgbImage;
import dev.mensura.vision.job.ViewAnalyzer;
import dev.mensura.vision.model.MediaPipeModel;
import dev.mensura.vision.pose.PoseEstimate;
import dev.mensura.vision.pose.PoseEstimator;
import dev.mensura.vision.quality.QualityChecks;
import dev.mensura.vision.tflite.TfliteReader;
import dev.mensura.vision.tflite.TorchGraph;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * fitting's accuracy on photos: the bodies of fitting's bench ({@link SyntheticBody}, the same
 * seeds, shapes, statures and cameras), rendered as photos by testkit's renderer, each photo through
 * vision's pipeline (person detection, BlazePose full landmarks and mask on DJL/PyTorch, the outline
 * vision sends), then fitting's {@link Observations} and fit, exactly as the services do; the
 * measurements against the true body's. The oracle fit of the same body (the render's own outline and
 * joints, 1 cm landmark noise) runs alongside as the reference.
 *
 * <p>{@code dev/bench-photo [n]}, default 20.
 */
public final class PhotoBench {
    /** As the phone would report it in EXIF: the renderer's camera is a 26 mm equivalent. */
    private static final int FOCAL_35MM = 26;

    private PhotoBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path models = Path.of(args.length > 1 ? args[1] : ".models");
        ShapeSpace shapes = new ShapeSpace(BodyModel.load(BodyModelDir.resolve()));
        BodyFitter fitter = FitBench.fitter(shapes);
        TorchDevice.configure(Path.of("target/djl-cache"));
        PoseEstimator estimator = new PoseEstimator(graph(models, MediaPipeModel.POSE_DETECTION),
                graph(models, MediaPipeModel.POSE_LANDMARK_FULL));

        Accuracy photos = new Accuracy();
        Accuracy oracle = new Accuracy();
        int unseen = 0;
        double[] rms = new double[n];
        for (int i = 0; i < n; i++) {
            SyntheticBody body = SyntheticBody.draw(i, shapes);
            var expected = fitter.measure(body.restDm(), body.statureCm(), body.female());
            BodyFitter.Fit reference = fitter.fit(FitBench.observe(body, View.FRONT, 1.0),
                    FitBench.observe(body, View.SIDE, 1.0), body.statureCm());
            oracle.add(expected, reference.measurements());
            Optional<ViewObservation> front = seen(estimator, body, View.FRONT);
            Optional<ViewObservation> side = seen(estimator, body, View.SIDE);
            if (front.isEmpty() || side.isEmpty()) {
                unseen++;
                System.out.printf(Locale.ROOT, "body %d: vision found no person%n", i);
                continue;
            }
            BodyFitter.Fit fit = fitter.fit(front.get(), side.get(), body.statureCm());
            rms[i] = fit.silhouetteRmsCm();
            photos.add(expected, fit.measurements());
            System.out.printf(Locale.ROOT, "body %d: silhouette rms %.2f cm (oracle %.2f cm)%n", i,
                    fit.silhouetteRmsCm(), reference.silhouetteRmsCm());
        }
        System.out.printf(Locale.ROOT, "%n%d bodies, %d without a person found%n%nthrough vision:%n", n, unseen);
        photos.print();
        System.out.printf(Locale.ROOT, "silhouette rms: p50 %.2f cm, p90 %.2f cm%n%noracle (reference):%n",
                Accuracy.percentile(rms, 50), Accuracy.percentile(rms, 90));
        oracle.print();
    }

    /** One rendered photo through vision's pipeline and into fitting's observation, as the services pass it. */
    private static Optional<ViewObservation> seen(PoseEstimator estimator, SyntheticBody body, View view) {
        RenderedScene scene = Scene.seeded(body.seed()).view(view).shape(body.restPositions())
                .statureCm(body.statureCm()).armAbductionDeg(body.limbAbductionDeg()[0], body.limbAbductionDeg()[1])
                .legAbductionDeg(body.limbAbductionDeg()[2], body.limbAbductionDeg()[3]).render();
        int w = scene.width();
        int h = scene.height();
        RgbImage photo = new RgbImage(w, h, scene.image().getRGB(0, 0, w, h, null, 0, w));
        Optional<PoseEstimate> pose = estimator.estimate(photo);
        if (pose.isEmpty()) {
            return Optional.empty();
        }
        VisionFeatures.View features = ViewAnalyzer.features(view == View.SIDE ? QualityChecks.View.SIDE
                : QualityChecks.View.FRONT, pose.get(), FOCAL_35MM);
        return Optional.of(Observations.of(features));
    }

    private static TorchGraph graph(Path models, MediaPipeModel model) throws IOException {
        return TorchGraph.load(TfliteReader.read(models.resolve(model.fileName())), Device.cpu());
    }
}
