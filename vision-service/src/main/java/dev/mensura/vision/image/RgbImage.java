package dev.mensura.vision.image;

import java.util.Arrays;

/**
 * A photo's pixels in memory, packed 0xRRGGBB row by row. The only copy of a photo vision holds;
 * {@link #wipe()} zeroes it when the photo is done with (I2).
 */
public final class RgbImage {
    private final int width;
    private final int height;
    private final int[] rgb;

    public RgbImage(int width, int height, int[] rgb) {
        if (width <= 0 || height <= 0 || rgb.length != width * height) {
            throw new IllegalArgumentException("pixel count does not match " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.rgb = rgb;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int rgb(int x, int y) {
        return rgb[y * width + x];
    }

    public void set(int x, int y, int value) {
        rgb[y * width + x] = value;
    }

    /** The backing pixels, shared: for samplers and filters that run over every pixel. */
    public int[] pixels() {
        return rgb;
    }

    public void wipe() {
        Arrays.fill(rgb, 0);
    }
}
