package dev.mensura.testkit.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BodyRendererTest {

    private static final long SEED = 7;
    private static RenderedScene front;

    @BeforeAll
    static void renderFront() {
        front = Scene.front(SEED);
    }

    @Test
    void sameSeedGivesIdenticalPixels() {
        RenderedScene again = Scene.front(SEED);
        assertThat(pixels(again.image())).isEqualTo(pixels(front.image()));
        assertThat(again.mask()).isEqualTo(front.mask());
    }

    @Test
    void differentSeedGivesDifferentPixels() {
        int[] a = pixels(front.image());
        int[] b = pixels(Scene.front(SEED + 1).image());
        long differing = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                differing++;
            }
        }
        // Background colour, skin and camera all change: most pixels, not a handful.
        assertThat(differing).isGreaterThan(a.length / 2);
    }

    @Test
    void frontAPoseHasHeadAboveAnklesAndWristsOutsideTheTorso() {
        assertThat(front.image().getWidth()).isEqualTo(720);
        assertThat(front.image().getHeight()).isEqualTo(1280);
        assertThat(front.maskPixelCount()).isGreaterThan(20_000);
        double[] head = front.joint2d(Joints.HEAD);
        assertThat(head[1]).isLessThan(front.joint2d(Joints.L_ANKLE)[1]).isLessThan(front.joint2d(Joints.R_ANKLE)[1]);

        double mid = (front.joint2d(Joints.L_HIP)[0] + front.joint2d(Joints.R_HIP)[0]) / 2;
        double hipOffset = Math.abs(front.joint2d(Joints.L_HIP)[0] - mid);
        for (String wrist : new String[] {Joints.L_WRIST, Joints.R_WRIST}) {
            double[] w = front.joint2d(wrist);
            assertThat(Math.abs(w[0] - mid)).as(wrist).isGreaterThan(2 * hipOffset);
            // The wrist is drawn, and separated from the torso by background along its row.
            int x = (int) w[0];
            int y = (int) w[1];
            assertThat(front.isBody(x, y)).as(wrist + " on the mask").isTrue();
            boolean gap = false;
            for (int xx = Math.min(x, (int) mid); xx <= Math.max(x, (int) mid); xx++) {
                gap |= !front.isBody(xx, y);
            }
            assertThat(gap).as("background between " + wrist + " and the midline").isTrue();
        }
        // The person's left shows on the image's right in a front view.
        assertThat(front.joint2d(Joints.L_WRIST)[0]).isGreaterThan(front.joint2d(Joints.R_WRIST)[0]);
    }

    @Test
    void faceShowsDarkEyes() {
        // The pose detector is face-anchored: eyes must read as dark spots against the skin
        // between them (this also fails if back faces were drawn instead of front ones).
        double[] l = front.joint2d(Joints.L_EYE);
        double[] r = front.joint2d(Joints.R_EYE);
        double bridge = patchLuminance(front.image(), (l[0] + r[0]) / 2, (l[1] + r[1]) / 2);
        System.out.printf("BodyRendererTest: eye luminance %.1f / %.1f, nose bridge %.1f%n",
                patchLuminance(front.image(), l[0], l[1]), patchLuminance(front.image(), r[0], r[1]), bridge);
        assertThat(patchLuminance(front.image(), l[0], l[1])).isLessThan(0.6 * bridge);
        assertThat(patchLuminance(front.image(), r[0], r[1])).isLessThan(0.6 * bridge);
    }

    @Test
    void staturePixelsMatchThePinholeProjection() {
        // Level camera (aimed at its own height): a vertical segment of height H at depth D projects
        // to exactly f·H/D pixels, whatever its position.
        RenderedScene s = Scene.seeded(SEED).jitter(false).cameraHeightCm(100).aimHeightCm(100).statureCm(168)
                .render();
        double depth = s.camera().position()[2] - s.joints3dCm().get(Joints.HEAD_TOP)[2];
        double expected = s.focalPx() * 168 / depth;
        assertThat(s.staturePx()).isCloseTo(expected, within(0.02 * expected));

        // And the drawn body agrees: its top row is the projected top of the head, here and with
        // the default (tilted, jittered) phone camera.
        for (RenderedScene scene : new RenderedScene[] {s, front}) {
            Rectangle box = scene.maskBounds();
            assertThat((double) box.y).isCloseTo(scene.joint2d(Joints.HEAD_TOP)[1], within(2.0));
        }
    }

    @Test
    void statureScalesTheBody() {
        Scene base = Scene.seeded(SEED).jitter(false).cameraHeightCm(100).aimHeightCm(100);
        RenderedScene small = base.statureCm(160).render();
        RenderedScene tall = base.statureCm(192).render();
        double ratio = (double) tall.maskBounds().height / small.maskBounds().height;
        assertThat(ratio).isCloseTo(192.0 / 160.0, within(0.02));
        assertThat(tall.staturePx() / small.staturePx()).isCloseTo(192.0 / 160.0, within(0.01));
    }

    @Test
    void sideViewIsMuchNarrowerThanFront() {
        RenderedScene side = Scene.side(SEED);
        assertThat(side.maskPixelCount()).isGreaterThan(10_000);
        double ratio = (double) side.maskBounds().width / front.maskBounds().width;
        assertThat(ratio).isLessThan(0.6);
        // The left side faces the camera, so the left shoulder is nearer than the right one.
        assertThat(side.joints3dCm().get(Joints.L_SHOULDER)[2]).isGreaterThan(side.joints3dCm().get(Joints.R_SHOULDER)[2]);
    }

    @Test
    void armsDownBringsTheWristsToTheHips() {
        RenderedScene down = Scene.armsDown(SEED);
        for (String[] side : new String[][] {{Joints.L_WRIST, Joints.L_HIP}, {Joints.R_WRIST, Joints.R_HIP}}) {
            double apart = Math.abs(down.joint2d(side[0])[0] - down.joint2d(side[1])[0]);
            double apartInAPose = Math.abs(front.joint2d(side[0])[0] - front.joint2d(side[1])[0]);
            assertThat(apart).as(side[0]).isLessThan(0.1 * down.staturePx()).isLessThan(0.5 * apartInAPose);
            assertThat(down.joint2d(side[0])[1]).as(side[0] + " hangs lower")
                    .isGreaterThan(front.joint2d(side[0])[1]);
        }
        // Only the arms moved: the head is where it was.
        assertThat(down.joint2d(Joints.HEAD)).containsExactly(front.joint2d(Joints.HEAD), within(1e-9));
    }

    @Test
    void croppedFeetPutsTheAnklesBelowTheImage() {
        RenderedScene cropped = Scene.croppedFeet(SEED);
        assertThat(cropped.joint2d(Joints.L_ANKLE)[1]).isGreaterThan(cropped.height());
        assertThat(cropped.joint2d(Joints.R_ANKLE)[1]).isGreaterThan(cropped.height());
        assertThat(cropped.joint2d(Joints.HEAD_TOP)[1]).isGreaterThan(0);
        // The body runs off the bottom edge.
        boolean bottomRowHasBody = false;
        for (int x = 0; x < cropped.width(); x++) {
            bottomRowHasBody |= cropped.isBody(x, cropped.height() - 1);
        }
        assertThat(bottomRowHasBody).isTrue();
    }

    @Test
    void twoBodiesGiveTwoSeparateBlobsOfComparableSize() {
        RenderedScene two = Scene.twoBodies(SEED);
        assertThat(two.figures()).isEqualTo(2);
        int[] sizes = componentSizes(two.mask(), two.width(), two.height());
        Arrays.sort(sizes);
        assertThat(sizes.length).isGreaterThanOrEqualTo(2);
        int largest = sizes[sizes.length - 1];
        int second = sizes[sizes.length - 2];
        assertThat((double) second / largest).isGreaterThan(0.6);
        // Nothing else worth the name: the two people are (nearly) all of the mask.
        assertThat((double) (largest + second) / two.maskPixelCount()).isGreaterThan(0.99);
    }

    @Test
    void darkSceneIsUnderexposed() {
        RenderedScene dark = Scene.dark(SEED);
        assertThat(meanLuminance(dark.image())).isLessThan(0.1 * meanLuminance(front.image()));
        assertThat(dark.mask()).isEqualTo(front.mask());
    }

    @Test
    void blurredSceneLosesItsEdges() {
        RenderedScene blurred = Scene.blurred(SEED);
        long sharp = strongEdges(front.image());
        assertThat(sharp).isGreaterThan(500);
        assertThat(strongEdges(blurred.image())).isLessThan(sharp / 10);
        assertThat(blurred.mask()).isEqualTo(front.mask());
    }

    @Test
    void aBodyShapedElsewhereRendersAtItsOwnStature() {
        double[] rest = BodyMesh.load().positions();
        // stretch the body 10 % vertically about its soles: scaled to the same stature, it must
        // come out at that stature, not 10 % taller
        double sole = BodyMesh.load().soleY();
        for (int i = 1; i < rest.length; i += 3) {
            rest[i] = sole + (rest[i] - sole) * 1.1;
        }
        RenderedScene plain = Scene.seeded(9).jitter(false).render();
        RenderedScene shaped = Scene.seeded(9).jitter(false).shape(rest).render();
        assertThat(shaped.staturePx()).isCloseTo(plain.staturePx(), org.assertj.core.data.Percentage.withPercentage(0.5));
        assertThat(shaped.maskBounds().width).isLessThan(plain.maskBounds().width);
    }

    // ---- helpers, independent of the renderer ----

    static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    static double meanLuminance(BufferedImage img) {
        double sum = 0;
        int[] px = pixels(img);
        for (int p : px) {
            sum += 0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff);
        }
        return sum / px.length;
    }

    /** Mean luminance of the 3×3 pixels around (x, y). */
    static double patchLuminance(BufferedImage img, double x, double y) {
        double sum = 0;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int p = img.getRGB((int) x + dx, (int) y + dy);
                sum += 0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff);
            }
        }
        return sum / 9;
    }

    /**
     * Horizontally adjacent pixel pairs whose green values differ by more than 16 levels: sharp
     * edges, which sensor noise (σ of a few levels) does not produce and a strong blur removes.
     */
    static long strongEdges(BufferedImage img) {
        int[] px = pixels(img);
        int w = img.getWidth();
        long count = 0;
        for (int i = 0; i < px.length - 1; i++) {
            if ((i + 1) % w != 0 && Math.abs(((px[i] >> 8) & 0xff) - ((px[i + 1] >> 8) & 0xff)) > 16) {
                count++;
            }
        }
        return count;
    }

    /** Sizes of the 4-connected components of the mask. */
    static int[] componentSizes(boolean[] mask, int w, int h) {
        boolean[] seen = new boolean[mask.length];
        int[] queue = new int[mask.length];
        int[] sizes = new int[0];
        for (int start = 0; start < mask.length; start++) {
            if (!mask[start] || seen[start]) {
                continue;
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            seen[start] = true;
            while (head < tail) {
                int i = queue[head++];
                int x = i % w;
                int y = i / w;
                int[] next = {x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, y > 0 ? i - w : -1, y < h - 1 ? i + w : -1};
                for (int j : next) {
                    if (j >= 0 && mask[j] && !seen[j]) {
                        seen[j] = true;
                        queue[tail++] = j;
                    }
                }
            }
            sizes = Arrays.copyOf(sizes, sizes.length + 1);
            sizes[sizes.length - 1] = tail;
        }
        return sizes;
    }
}
