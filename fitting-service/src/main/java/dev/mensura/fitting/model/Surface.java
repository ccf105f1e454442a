package dev.mensura.fitting.model;

import java.util.Arrays;

/**
 * The part of a body the triangles use, re-indexed compactly: the fit's body carries every hm08
 * vertex (helpers and joint cubes too), but an export should hold only the visible surface.
 *
 * @param original  for each compact vertex, its index in the full body
 * @param triangles the triangles in compact indices
 * @param metres    the compact vertices' positions in metres (x, y, z per vertex)
 */
record Surface(int[] original, int[] triangles, float[] metres) {
    static final double M_PER_CM = 0.01;

    static Surface of(double[] bodyCm, int[] triangles) {
        if (triangles.length % 3 != 0) {
            throw new IllegalArgumentException("triangles must be index triples");
        }
        int[] compact = new int[bodyCm.length / 3];
        Arrays.fill(compact, -1);
        int[] original = new int[compact.length];
        int used = 0;
        int[] remapped = new int[triangles.length];
        for (int i = 0; i < triangles.length; i++) {
            int v = triangles[i];
            if (v < 0 || v >= compact.length) {
                throw new IllegalArgumentException("triangle vertex " + v + " is not in the body");
            }
            if (compact[v] < 0) {
                compact[v] = used;
                original[used++] = v;
            }
            remapped[i] = compact[v];
        }
        original = Arrays.copyOf(original, used);
        float[] metres = new float[3 * used];
        for (int c = 0; c < used; c++) {
            for (int k = 0; k < 3; k++) {
                metres[3 * c + k] = (float) (bodyCm[3 * original[c] + k] * M_PER_CM);
            }
        }
        return new Surface(original, remapped, metres);
    }

    int vertexCount() {
        return original.length;
    }

    /** Each compact vertex's index by its full-body index, -1 where the surface does not use it. */
    int[] compactIndex(int bodyVertexCount) {
        int[] compact = new int[bodyVertexCount];
        Arrays.fill(compact, -1);
        for (int c = 0; c < original.length; c++) {
            compact[original[c]] = c;
        }
        return compact;
    }
}
