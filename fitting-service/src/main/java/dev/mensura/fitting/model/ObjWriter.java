package dev.mensura.fitting.model;

import java.util.Locale;

/**
 * Writes a fitted body as a Wavefront OBJ: the vertices the triangles use, in metres (y up, facing
 * +z), and the triangles with OBJ's one-based indices. No normals or groups: the plain geometry that
 * any tool opens.
 */
public final class ObjWriter {

    /**
     * @param bodyCm    every body vertex, x, y, z in centimetres
     * @param triangles vertex index triples into {@code bodyCm}; only the vertices they use are written
     */
    public String write(double[] bodyCm, int[] triangles) {
        Surface surface = Surface.of(bodyCm, triangles);
        float[] m = surface.metres();
        int[] t = surface.triangles();
        StringBuilder obj = new StringBuilder(40 * surface.vertexCount() + 24 * t.length / 3 + 128);
        obj.append("# ").append(GlbWriter.GENERATOR).append(": fitted body, metres, y up, facing +z\n");
        obj.append("# ").append(surface.vertexCount()).append(" vertices, ").append(t.length / 3)
                .append(" triangles\n");
        for (int v = 0; v < m.length; v += 3) {
            // micrometres, finer than the fit; Locale.ROOT: a decimal point whatever the server's locale
            obj.append(String.format(Locale.ROOT, "v %.6f %.6f %.6f\n", m[v], m[v + 1], m[v + 2]));
        }
        for (int i = 0; i < t.length; i += 3) {
            obj.append("f ").append(t[i] + 1).append(' ').append(t[i + 1] + 1).append(' ').append(t[i + 2] + 1)
                    .append('\n');
        }
        return obj.toString();
    }
}
