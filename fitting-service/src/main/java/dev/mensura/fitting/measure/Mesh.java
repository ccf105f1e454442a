package dev.mensura.fitting.measure;

/**
 * A triangle mesh as measurement sees it: positions {x, y, z} flat, in centimetres, y up, and
 * triangles as vertex index triples.
 */
public record Mesh(double[] positions, int[] triangles) {

    public int vertexCount() {
        return positions.length / 3;
    }

    public double x(int v) {
        return positions[3 * v];
    }

    public double y(int v) {
        return positions[3 * v + 1];
    }

    public double z(int v) {
        return positions[3 * v + 2];
    }
}
