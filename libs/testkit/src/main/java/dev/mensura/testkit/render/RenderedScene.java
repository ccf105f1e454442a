package dev.mensura.testkit.render;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A rendered synthetic photo and its ground truth.
 *
 * @param image TYPE_INT_RGB photo
 * @param mask {@code width × height}, row-major, true where a body covers at least half the pixel
 *     (every figure: two figures give two blobs)
 * @param joints2d the first figure's joints in pixels (x right, y down, origin at the image's
 *     top-left corner), keyed by joint-cube name ({@code joint-head}, {@code joint-l-hand} = left
 *     wrist, ...; "l" is the person's left) plus {@value #HEAD_TOP}; points may lie outside the image
 * @param joints3dCm the same points in world centimetres (floor y = 0)
 * @param cameraDistanceCm camera to the first figure's vertical centre line, along the floor
 * @param statureCm the first figure's stature
 * @param staturePx length in pixels of the first figure's projected stature line (top of head down
 *     to the floor point directly beneath it)
 * @param figures how many figures were drawn
 */
public record RenderedScene(BufferedImage image, boolean[] mask, Map<String, double[]> joints2d,
        Map<String, double[]> joints3dCm, Camera camera, double cameraDistanceCm, double statureCm, double staturePx,
        int figures) {

    /** Not a joint cube: the highest vertex of the head, the top of the stature line. */
    public static final String HEAD_TOP = "head-top";

    public RenderedScene {
        joints2d = Collections.unmodifiableMap(joints2d);
        joints3dCm = Collections.unmodifiableMap(joints3dCm);
    }

    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }

    public double focalPx() {
        return camera.focalPx();
    }

    /** One projected joint (x, y pixels), or an {@link IllegalArgumentException} naming the unknown joint. */
    public double[] joint2d(String name) {
        double[] p = joints2d.get(name);
        if (p == null) {
            throw new IllegalArgumentException("No joint " + name + "; known: " + joints2d.keySet());
        }
        return p.clone();
    }

    public boolean isBody(int x, int y) {
        return mask[y * width() + x];
    }

    public int maskPixelCount() {
        int n = 0;
        for (boolean b : mask) {
            if (b) {
                n++;
            }
        }
        return n;
    }

    /** Bounding box of the mask, or null when no pixel shows a body. */
    public Rectangle maskBounds() {
        int w = width();
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                int x = i % w;
                int y = i / w;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
            }
        }
        return maxX < 0 ? null : new Rectangle(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }

    /** The same scene with another image (post-processing keeps the ground truth). */
    public RenderedScene withImage(BufferedImage other) {
        return new RenderedScene(other, mask, joints2d, joints3dCm, camera, cameraDistanceCm, statureCm, staturePx,
                figures);
    }

    /** PNG bytes of the image (lossless, so tests see exactly the rendered pixels). */
    public byte[] pngBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public void writePng(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.write(file, pngBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
