package dev.mensura.testkit.render;

import java.util.Arrays;

/**
 * Z-buffered triangle rasteriser over a colour, depth and figure-id buffer. Depth is kept as 1/z
 * (linear in screen space under perspective, so plain barycentric interpolation is exact);
 * colours are interpolated per vertex (Gouraud). Samples are taken at pixel centres.
 */
final class Rasterizer {

    final int width;
    final int height;
    final float[] red;
    final float[] green;
    final float[] blue;
    /** 1/depth of the nearest surface so far; 0 = nothing drawn (infinitely far). */
    final float[] inverseDepth;
    /** 0 = background, k = figure k-1. */
    final byte[] figure;

    Rasterizer(int width, int height, float[] background) {
        this.width = width;
        this.height = height;
        int n = width * height;
        red = new float[n];
        green = new float[n];
        blue = new float[n];
        Arrays.fill(red, background[0]);
        Arrays.fill(green, background[1]);
        Arrays.fill(blue, background[2]);
        inverseDepth = new float[n];
        figure = new byte[n];
    }

    /**
     * Draws triangles given by vertex indices into per-vertex screen data: {@code sx, sy} pixels,
     * {@code iz} = 1/depth (≤ 0 for points behind the camera: such triangles are skipped),
     * {@code rgb} colour. With {@code cullBack}, triangles wound clockwise on screen (facing away,
     * since the mesh winds outward faces counter-clockwise) are skipped.
     */
    void draw(int[] tris, float[] sx, float[] sy, float[] iz, float[] rgb, boolean cullBack, byte id) {
        draw(tris, sx, sy, iz, rgb, null, cullBack, id);
    }

    /**
     * As above, with a garment painted per pixel rather than per vertex: a hem evaluated per vertex
     * would follow the mesh's quads and come out as a staircase. Where the garment's band covers the
     * pixel's interpolated band coordinate, the garment colour (times the interpolated shade)
     * replaces the vertex colour.
     */
    void draw(int[] tris, float[] sx, float[] sy, float[] iz, float[] rgb, Garment garment, boolean cullBack,
            byte id) {
        for (int t = 0; t < tris.length; t += 3) {
            int a = tris[t];
            int b = tris[t + 1];
            int c = tris[t + 2];
            if (iz[a] <= 0 || iz[b] <= 0 || iz[c] <= 0) {
                continue;
            }
            float ax = sx[a];
            float ay = sy[a];
            float bx = sx[b];
            float by = sy[b];
            float cx = sx[c];
            float cy = sy[c];
            // Twice the signed screen area; screen y points down, so outward (CCW in the world) faces
            // seen from the front come out negative here.
            float area = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
            if (area == 0 || (cullBack && area > 0)) {
                continue;
            }
            int x0 = Math.max(0, (int) Math.floor(Math.min(ax, Math.min(bx, cx))));
            int x1 = Math.min(width - 1, (int) Math.ceil(Math.max(ax, Math.max(bx, cx))));
            int y0 = Math.max(0, (int) Math.floor(Math.min(ay, Math.min(by, cy))));
            int y1 = Math.min(height - 1, (int) Math.ceil(Math.max(ay, Math.max(by, cy))));
            if (x0 > x1 || y0 > y1) {
                continue;
            }
            float inv = 1f / area;
            for (int y = y0; y <= y1; y++) {
                float py = y + 0.5f;
                int row = y * width;
                for (int x = x0; x <= x1; x++) {
                    float px = x + 0.5f;
                    // Barycentric weights from edge functions, normalised by the area (sign included).
                    float wa = ((bx - px) * (cy - py) - (by - py) * (cx - px)) * inv;
                    float wb = ((cx - px) * (ay - py) - (cy - py) * (ax - px)) * inv;
                    float wc = 1f - wa - wb;
                    if (wa < 0 || wb < 0 || wc < 0) {
                        continue;
                    }
                    float z = wa * iz[a] + wb * iz[b] + wc * iz[c];
                    int i = row + x;
                    if (z <= inverseDepth[i]) {
                        continue;
                    }
                    inverseDepth[i] = z;
                    float r = wa * rgb[3 * a] + wb * rgb[3 * b] + wc * rgb[3 * c];
                    float g = wa * rgb[3 * a + 1] + wb * rgb[3 * b + 1] + wc * rgb[3 * c + 1];
                    float bl = wa * rgb[3 * a + 2] + wb * rgb[3 * b + 2] + wc * rgb[3 * c + 2];
                    if (garment != null) {
                        float[] u = garment.coord;
                        float cover = garment.amount(wa * u[a] + wb * u[b] + wc * u[c]);
                        if (cover > 0) {
                            float shade = wa * garment.shade[a] + wb * garment.shade[b] + wc * garment.shade[c];
                            r += cover * (garment.rgb[0] * shade - r);
                            g += cover * (garment.rgb[1] * shade - g);
                            bl += cover * (garment.rgb[2] * shade - bl);
                        }
                    }
                    red[i] = r;
                    green[i] = g;
                    blue[i] = bl;
                    figure[i] = id;
                }
            }
        }
    }

    /**
     * A band-shaped garment: per-vertex band coordinate (e.g. rest-pose height; huge where the
     * garment must never appear) and shade, the band's soft edges, and its colour.
     */
    record Garment(float[] coord, float[] shade, float lo, float hi, float soft, float[] rgb) {
        float amount(float u) {
            return smooth((u - (lo - soft)) / (2 * soft)) * (1 - smooth((u - (hi - soft)) / (2 * soft)));
        }

        private static float smooth(float t) {
            float c = t < 0 ? 0 : Math.min(1, t);
            return c * c * (3 - 2 * c);
        }
    }
}
