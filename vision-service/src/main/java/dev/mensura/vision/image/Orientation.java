package dev.mensura.vision.image;

/**
 * Applies the EXIF orientation (1–8) that ingest read before stripping the metadata, so the
 * person stands upright in the pixels the models see. The source image is wiped once copied.
 */
public final class Orientation {
    private Orientation() {
    }

    public static RgbImage upright(RgbImage stored, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return stored;
        }
        int w = stored.width();
        int h = stored.height();
        boolean swaps = orientation >= 5;
        int ow = swaps ? h : w;
        int oh = swaps ? w : h;
        int[] out = new int[ow * oh];
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = w - 1 - x; sy = y; }
                    case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
                    case 4 -> { sx = x; sy = h - 1 - y; }
                    case 5 -> { sx = y; sy = x; }
                    case 6 -> { sx = y; sy = h - 1 - x; }
                    case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }
                    default -> { sx = w - 1 - y; sy = x; } // 8
                }
                out[y * ow + x] = stored.rgb(sx, sy);
            }
        }
        stored.wipe();
        return new RgbImage(ow, oh, out);
    }
}
