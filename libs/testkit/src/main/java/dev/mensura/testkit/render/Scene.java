package dev.mensura.testkit.render;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded synthetic photo of a person, for vision tests. The seed varies skin tone, hair and shorts
 * colour, background colour, a small camera jitter and the sensor noise; the same seed and
 * settings always give the same pixels. Each of those draws its own random stream from the seed,
 * so switching, say, the view or the exposure leaves the person's colours and the camera as they
 * were: {@code dark(s)} is {@code front(s)} underexposed.
 *
 * <p>Defaults: 720×1280 portrait, a 26 mm (35 mm-equivalent) phone main camera, the camera
 * {@value #DEFAULT_DISTANCE_CM} cm from the person at chest height (0.72 × stature) aimed at the
 * body's centre (half the stature), 175 cm stature, A-pose, front view, 2×2 supersampling, noise
 * σ = {@value #DEFAULT_NOISE} grey levels.
 *
 * <pre>{@code
 * RenderedScene photo = Scene.seeded(42).view(View.SIDE).statureCm(182).render();
 * RenderedScene bad = Scene.croppedFeet(42);
 * }</pre>
 */
public final class Scene {

    public static final double DEFAULT_DISTANCE_CM = 250;
    public static final double DEFAULT_NOISE = 1.5;
    /** Height above the floor where {@link #croppedFeet} cuts the person (ankle joints are ~8 cm up). */
    public static final double CROPPED_FEET_EDGE_CM = 25;
    /** Phone main camera, 35 mm-equivalent. */
    public static final double DEFAULT_FOCAL_35MM = 26;

    private static final Color[] SKIN = {new Color(247, 214, 190), new Color(234, 188, 156),
        new Color(208, 152, 116), new Color(160, 108, 76), new Color(104, 68, 48)};
    private static final Color[] HAIR = {new Color(24, 20, 18), new Color(52, 36, 28), new Color(92, 62, 40),
        new Color(148, 112, 70), new Color(122, 118, 114)};

    private final long seed;
    private View view = View.FRONT;
    private Pose pose = Pose.A_POSE;
    private double statureCm = 175;
    private int width = 720;
    private int height = 1280;
    private double focal35mm = DEFAULT_FOCAL_35MM;
    private double distanceCm = DEFAULT_DISTANCE_CM;
    private double cameraHeightCm = Double.NaN;
    private double aimHeightCm = Double.NaN;
    private boolean jitter = true;
    /** left arm, right arm, left leg, right leg */
    private final double[] abductionDeg = new double[4];
    private double noiseSigma = DEFAULT_NOISE;
    private double exposure = 1.0;
    private double blurSigmaPx;
    private double secondSpacingCm = Double.NaN;
    private double secondStatureCm;
    private int supersample = 2;
    private Path modelDir;
    private double[] shape;

    private Scene(long seed) {
        this.seed = seed;
    }

    public static Scene seeded(long seed) {
        return new Scene(seed);
    }

    // ---- presets: a normal photo, and photos built to trip the quality checks ----

    /** A-pose, front view, default framing. */
    public static RenderedScene front(long seed) {
        return seeded(seed).render();
    }

    /** A-pose, the person's left side to the camera. */
    public static RenderedScene side(long seed) {
        return seeded(seed).view(View.SIDE).render();
    }

    /** Front view with the arms hanging along the body. */
    public static RenderedScene armsDown(long seed) {
        return seeded(seed).pose(Pose.ARMS_DOWN).render();
    }

    /**
     * Two people side by side, 120 cm apart (centre lines), the second 6% shorter, with the camera
     * stepped back to 360 cm so both fit with a gap between their hands.
     */
    public static RenderedScene twoBodies(long seed) {
        Scene s = seeded(seed).cameraDistanceCm(360);
        return s.secondBody(120, s.statureCm * 0.94).render();
    }

    /**
     * The default camera tilted up (about 13°) so that the bottom edge of the frame meets the
     * person's plane {@value #CROPPED_FEET_EDGE_CM} cm above the floor: head and arms in the
     * picture, ankles and feet below it — the phone held too high-pointing.
     */
    public static RenderedScene croppedFeet(long seed) {
        Scene s = seeded(seed);
        double camHeight = 0.72 * s.statureCm;
        double halfFov = Math.atan(s.height / 2.0 / Camera.focalPxFor35mm(s.focal35mm, s.width, s.height));
        double belowHorizon = Math.atan((camHeight - CROPPED_FEET_EDGE_CM) / s.distanceCm);
        double pitchUp = halfFov - belowHorizon;
        return s.aimHeightCm(camHeight + s.distanceCm * Math.tan(pitchUp)).render();
    }

    /** The front photo at 8% exposure (very underexposed), noise kept. */
    public static RenderedScene dark(long seed) {
        return seeded(seed).exposure(0.08).render();
    }

    /** The front photo under a strong Gaussian blur (σ = 6 px at 720×1280). */
    public static RenderedScene blurred(long seed) {
        return seeded(seed).blurSigmaPx(6).render();
    }

    // ---- settings ----

    public Scene view(View v) {
        this.view = v;
        return this;
    }

    public Scene pose(Pose p) {
        this.pose = p;
        return this;
    }

    public Scene statureCm(double cm) {
        this.statureCm = cm;
        return this;
    }

    public Scene imageSize(int widthPx, int heightPx) {
        this.width = widthPx;
        this.height = heightPx;
        return this;
    }

    public Scene focal35mm(double mm) {
        this.focal35mm = mm;
        return this;
    }

    /** Camera to the person's vertical centre line, along the floor (before jitter). */
    public Scene cameraDistanceCm(double cm) {
        this.distanceCm = cm;
        return this;
    }

    /** Camera lens height above the floor; default 0.72 × stature (chest height). */
    public Scene cameraHeightCm(double cm) {
        this.cameraHeightCm = cm;
        return this;
    }

    /** Height of the point the camera looks at; default half the stature (the body's centre). */
    public Scene aimHeightCm(double cm) {
        this.aimHeightCm = cm;
        return this;
    }

    /** Whether the seed jitters the camera (±8 cm distance, ±5 cm height, ±4 cm sideways, ±1° roll). */
    public Scene jitter(boolean on) {
        this.jitter = on;
        return this;
    }

    /** Gaussian sensor noise per channel, grey levels (0 = none). */
    public Scene noiseSigma(double levels) {
        this.noiseSigma = levels;
        return this;
    }

    /** Multiplies the rendered image's brightness (1 = normal, 0.08 = very underexposed). */
    public Scene exposure(double gain) {
        this.exposure = gain;
        return this;
    }

    /** Gaussian blur of the whole image, σ in pixels (0 = sharp). */
    public Scene blurSigmaPx(double sigma) {
        this.blurSigmaPx = sigma;
        return this;
    }

    /**
     * Adds a second person beside the first: centre lines {@code spacingCm} apart, symmetric about
     * the camera's aim; the first person (whose ground truth the scene reports) is on the image's left.
     */
    public Scene secondBody(double spacingCm, double statureCm) {
        this.secondSpacingCm = spacingCm;
        this.secondStatureCm = statureCm;
        return this;
    }

    /** Samples per pixel along each axis (1 = aliased edges, fastest). */
    public Scene supersample(int factor) {
        this.supersample = factor;
        return this;
    }

    /**
     * Turns a shaped body's arms away from its sides (positive) or towards them (negative), each
     * about its shoulder joint in the body's frontal plane, skinned as {@link Pose#ARMS_DOWN} is: a
     * person holding an A-pose a little wider or narrower than the model's rest pose.
     */
    public Scene armAbductionDeg(double left, double right) {
        this.abductionDeg[0] = left;
        this.abductionDeg[1] = right;
        return this;
    }

    /** As {@link #armAbductionDeg} for the legs, about the hip joints: a wider or narrower stance. */
    public Scene legAbductionDeg(double left, double right) {
        this.abductionDeg[2] = left;
        this.abductionDeg[3] = right;
        return this;
    }

    /** Renders this body instead of the base mesh (rest pose, all vertices, decimetres). */
    public Scene shape(double[] restPositionsDm) {
        this.shape = restPositionsDm.clone();
        return this;
    }

    /** Where the body model lives; default {@link BodyModelDir#resolve()}. */
    public Scene modelDir(Path dir) {
        this.modelDir = dir;
        return this;
    }

    public long seed() {
        return seed;
    }

    // ---- rendering ----

    public RenderedScene render() {
        BodyMesh mesh = BodyMesh.load(modelDir != null ? modelDir : BodyModelDir.resolve());
        if (shape != null && pose != Pose.A_POSE) {
            throw new IllegalStateException("a shaped body renders in the rest pose only");
        }
        if (shape == null && java.util.Arrays.stream(abductionDeg).anyMatch(d -> d != 0)) {
            throw new IllegalStateException("limbs are turned on a shaped body only");
        }
        PosedBody body = shape == null ? mesh.pose(pose) : mesh.shaped(Posing.abduct(mesh, shape, abductionDeg));

        Random looks = stream(1);
        Appearance first = appearance(looks);
        Appearance second = appearance(looks);
        Color background = background(looks, first.skin());

        Random cam = stream(2);
        double dDist = jitter(cam, 8);
        double dHeight = jitter(cam, 5);
        double dSide = jitter(cam, 4);
        double dAim = jitter(cam, 3);
        double roll = jitter(cam, 1);
        if (!jitter) {
            dDist = dHeight = dSide = dAim = roll = 0;
        }

        boolean two = !Double.isNaN(secondSpacingCm);
        double firstX = two ? -secondSpacingCm / 2 : 0;
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure(body, statureCm, view.yawDeg(), firstX, first));
        if (two) {
            figures.add(new Figure(body, secondStatureCm, view.yawDeg(), secondSpacingCm / 2, second));
        }

        double camHeight = (Double.isNaN(cameraHeightCm) ? 0.72 * statureCm : cameraHeightCm) + dHeight;
        double aimHeight = (Double.isNaN(aimHeightCm) ? 0.5 * statureCm : aimHeightCm) + dAim;
        // The camera aims at x = 0: the one person's centre line, or midway between two.
        double[] position = {dSide, camHeight, distanceCm + dDist};
        double[] target = {0, aimHeight, 0};
        Camera camera = new Camera(width, height, Camera.focalPxFor35mm(focal35mm, width, height), position,
                target, roll);

        RenderedScene scene = BodyRenderer.render(camera, background, supersample, figures);
        BufferedImage img = scene.image();
        if (blurSigmaPx > 0) {
            img = ImageEffects.gaussianBlur(img, blurSigmaPx);
        }
        if (exposure != 1.0 || noiseSigma > 0) {
            img = ImageEffects.exposeAndNoise(img, exposure, noiseSigma, stream(3));
        }
        return scene.withImage(img);
    }

    /** An independent random stream per purpose, derived from the seed (SplitMix-style spread). */
    private Random stream(int purpose) {
        return new Random(seed * 0x9E3779B97F4A7C15L + purpose * 0xBF58476D1CE4E5B9L);
    }

    private static double jitter(Random r, double amplitude) {
        return (2 * r.nextDouble() - 1) * amplitude;
    }

    private static Appearance appearance(Random r) {
        Color skin = along(SKIN, r.nextDouble());
        Color hair = HAIR[r.nextInt(HAIR.length)];
        Color shorts = Color.getHSBColor(r.nextFloat(), 0.35f + 0.35f * r.nextFloat(), 0.2f + 0.35f * r.nextFloat());
        return new Appearance(skin, hair, shorts);
    }

    /**
     * A muted wall colour whose brightness differs from the skin's by at least 0.2, as a
     * measurement app would ask for (a person against a wall of their own colour is a separate test).
     */
    private static Color background(Random r, Color skin) {
        float hue = r.nextFloat();
        float sat = 0.03f + 0.22f * r.nextFloat();
        float value = 0.3f + 0.65f * r.nextFloat();
        float skinLum = (0.299f * skin.getRed() + 0.587f * skin.getGreen() + 0.114f * skin.getBlue()) / 255f;
        if (Math.abs(value - skinLum) < 0.2f) {
            value = skinLum >= 0.55f ? skinLum - 0.3f : skinLum + 0.3f;
        }
        return Color.getHSBColor(hue, sat, Math.max(0.1f, Math.min(0.97f, value)));
    }

    private static Color along(Color[] stops, double t) {
        double pos = t * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) pos);
        double f = pos - i;
        Color a = stops[i];
        Color b = stops[i + 1];
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }
}
