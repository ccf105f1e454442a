package dev.mensura.vision.quality;

import dev.mensura.vision.image.RgbImage;

/**
 * Exposure and sharpness, measured on the photo before the models run. Sharpness is the variance
 * of the Laplacian of the luma on a copy scaled to a fixed size, so the figure does not depend on
 * the camera's resolution.
 */
public final class ImageQuality {
    static final int SIDE = 384;

    private ImageQuality() {
    }

    /** Mean luma in [0, 1]. */
    public static double brightness(RgbImage image) {
        double sum = 0;
        for (int p : image.pixels()) {
            sum += luma(p);
        }
        return sum / image.pixels().length / 255.0;
    }

    /** Variance of the 4-neighbour Laplacian of the luma (0–255 scale) at {@value #SIDE} px on the long side. */
    public static double sharpness(RgbImage image) {
        double step = (double) Math.max(image.width(), image.height()) / SIDE;
        int w = Math.max(3, (int) (image.width() / step));
        int h = Math.max(3, (int) (image.height() / step));
        double[] y = new double[w * h];
        for (int gy = 0; gy < h; gy++) {
            for (int gx = 0; gx < w; gx++) {
                // box-average the source pixels of the cell so the scaling does not add aliasing
                int x0 = (int) (gx * step);
                int y0 = (int) (gy * step);
                int x1 = Math.max(x0 + 1, Math.min(image.width(), (int) ((gx + 1) * step)));
                int y1 = Math.max(y0 + 1, Math.min(image.height(), (int) ((gy + 1) * step)));
                double s = 0;
                for (int sy = y0; sy < y1; sy++) {
                    for (int sx = x0; sx < x1; sx++) {
                        s += luma(image.rgb(sx, sy));
                    }
                }
                y[gy * w + gx] = s / ((x1 - x0) * (y1 - y0));
            }
        }
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (int gy = 1; gy < h - 1; gy++) {
            for (int gx = 1; gx < w - 1; gx++) {
                int i = gy * w + gx;
                double lap = y[i - 1] + y[i + 1] + y[i - w] + y[i + w] - 4 * y[i];
                sum += lap;
                sumSq += lap * lap;
                n++;
            }
        }
        double mean = sum / n;
        return sumSq / n - mean * mean;
    }

    static double luma(int rgb) {
        return 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
    }
}
