package dev.mensura.vision.face;

import dev.mensura.vision.image.RgbImage;
import java.util.List;

/**
 * Blurs faces beyond recognition before anything else looks at the photo: each face box, grown
 * by half its size, gets a Gaussian blur (three box-blur passes, sigma a quarter of the box) that
 * leaves the head's outline for the person detector but no features.
 */
public final class FaceBlur {
    private FaceBlur() {
    }

    public static int blur(RgbImage image, List<double[]> faces) {
        for (double[] f : faces) {
            double w = f[2] - f[0];
            double h = f[3] - f[1];
            int x0 = clamp((int) Math.floor(f[0] - w / 4), image.width());
            int y0 = clamp((int) Math.floor(f[1] - h / 4), image.height());
            int x1 = clamp((int) Math.ceil(f[2] + w / 4), image.width());
            int y1 = clamp((int) Math.ceil(f[3] + h / 4), image.height());
            int radius = Math.max(2, (int) (Math.max(w, h) / 4));
            for (int pass = 0; pass < 3; pass++) {
                boxBlur(image, x0, y0, x1, y1, radius);
            }
        }
        return faces.size();
    }

    private static int clamp(int v, int size) {
        return Math.max(0, Math.min(size, v));
    }

    /** Horizontal then vertical running-mean blur inside the box, edges clamped to the box. */
    private static void boxBlur(RgbImage image, int x0, int y0, int x1, int y1, int r) {
        int w = x1 - x0;
        int h = y1 - y0;
        if (w <= 0 || h <= 0) {
            return;
        }
        int[] line = new int[Math.max(w, h)];
        for (int y = y0; y < y1; y++) {
            for (int x = 0; x < w; x++) {
                line[x] = image.rgb(x0 + x, y);
            }
            for (int x = 0; x < w; x++) {
                image.set(x0 + x, y, mean(line, w, x, r));
            }
        }
        for (int x = x0; x < x1; x++) {
            for (int y = 0; y < h; y++) {
                line[y] = image.rgb(x, y0 + y);
            }
            for (int y = 0; y < h; y++) {
                image.set(x, y0 + y, mean(line, h, y, r));
            }
        }
    }

    private static int mean(int[] line, int n, int at, int r) {
        int red = 0;
        int green = 0;
        int blue = 0;
        int count = 0;
        for (int i = Math.max(0, at - r); i <= Math.min(n - 1, at + r); i++) {
            red += (line[i] >> 16) & 0xFF;
            green += (line[i] >> 8) & 0xFF;
            blue += line[i] & 0xFF;
            count++;
        }
        return (red / count) << 16 | (green / count) << 8 | blue / count;
    }
}
