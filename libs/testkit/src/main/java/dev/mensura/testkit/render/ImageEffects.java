package dev.mensura.testkit.render;

import java.awt.image.BufferedImage;
import java.util.Random;

/** Photo defects applied after rendering: blur, exposure, sensor noise. */
final class ImageEffects {

    private ImageEffects() {
    }

    /**
     * Separable Gaussian blur with clamp-to-edge borders (unlike ConvolveOp's EDGE_NO_OP, which
     * would leave a sharp frame of {@code 3σ} pixels around the image).
     */
    static BufferedImage gaussianBlur(BufferedImage src, double sigma) {
        int w = src.getWidth();
        int h = src.getHeight();
        int radius = (int) Math.ceil(3 * sigma);
        float[] kernel = new float[2 * radius + 1];
        float sum = 0;
        for (int k = -radius; k <= radius; k++) {
            kernel[k + radius] = (float) Math.exp(-k * k / (2 * sigma * sigma));
            sum += kernel[k + radius];
        }
        for (int k = 0; k < kernel.length; k++) {
            kernel[k] /= sum;
        }
        int[] px = src.getRGB(0, 0, w, h, null, 0, w);
        float[][] ch = new float[3][w * h];
        for (int i = 0; i < px.length; i++) {
            ch[0][i] = (px[i] >> 16) & 0xff;
            ch[1][i] = (px[i] >> 8) & 0xff;
            ch[2][i] = px[i] & 0xff;
        }
        float[] tmp = new float[w * h];
        for (float[] c : ch) {
            for (int y = 0; y < h; y++) { // horizontal pass into tmp
                for (int x = 0; x < w; x++) {
                    float acc = 0;
                    for (int k = -radius; k <= radius; k++) {
                        int xx = Math.min(w - 1, Math.max(0, x + k));
                        acc += kernel[k + radius] * c[y * w + xx];
                    }
                    tmp[y * w + x] = acc;
                }
            }
            for (int y = 0; y < h; y++) { // vertical pass back into c
                for (int x = 0; x < w; x++) {
                    float acc = 0;
                    for (int k = -radius; k <= radius; k++) {
                        int yy = Math.min(h - 1, Math.max(0, y + k));
                        acc += kernel[k + radius] * tmp[yy * w + x];
                    }
                    c[y * w + x] = acc;
                }
            }
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] res = new int[w * h];
        for (int i = 0; i < res.length; i++) {
            res[i] = BodyRenderer.pack(ch[0][i], ch[1][i], ch[2][i]);
        }
        out.setRGB(0, 0, w, h, res, 0, w);
        return out;
    }

    /**
     * Multiplies every channel by {@code gain} (exposure) and adds Gaussian noise of {@code sigma}
     * grey levels per channel, in that order: an underexposed photo keeps the sensor's noise.
     */
    static BufferedImage exposeAndNoise(BufferedImage src, double gain, double sigma, Random rnd) {
        int w = src.getWidth();
        int h = src.getHeight();
        int[] px = src.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < px.length; i++) {
            float r = (float) (((px[i] >> 16) & 0xff) * gain);
            float g = (float) (((px[i] >> 8) & 0xff) * gain);
            float b = (float) ((px[i] & 0xff) * gain);
            if (sigma > 0) {
                r += (float) (rnd.nextGaussian() * sigma);
                g += (float) (rnd.nextGaussian() * sigma);
                b += (float) (rnd.nextGaussian() * sigma);
            }
            px[i] = BodyRenderer.pack(r, g, b);
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, px, 0, w);
        return out;
    }
}
