package dev.mensura.fitting.model;

/** Smooth vertex normals: the area-weighted sum of the adjacent faces' normals, made unit length. */
final class Normals {
    private Normals() {
    }

    static float[] of(float[] positions, int[] triangles) {
        double[] sum = new double[positions.length];
        for (int t = 0; t < triangles.length; t += 3) {
            int a = 3 * triangles[t];
            int b = 3 * triangles[t + 1];
            int c = 3 * triangles[t + 2];
            double ux = positions[b] - positions[a];
            double uy = positions[b + 1] - positions[a + 1];
            double uz = positions[b + 2] - positions[a + 2];
            double vx = positions[c] - positions[a];
            double vy = positions[c + 1] - positions[a + 1];
            double vz = positions[c + 2] - positions[a + 2];
            // the unnormalised cross product is twice the area: larger faces count more
            double nx = uy * vz - uz * vy;
            double ny = uz * vx - ux * vz;
            double nz = ux * vy - uy * vx;
            for (int corner : new int[] {a, b, c}) {
                sum[corner] += nx;
                sum[corner + 1] += ny;
                sum[corner + 2] += nz;
            }
        }
        float[] normals = new float[positions.length];
        for (int v = 0; v < normals.length; v += 3) {
            double length = Math.sqrt(sum[v] * sum[v] + sum[v + 1] * sum[v + 1] + sum[v + 2] * sum[v + 2]);
            if (length < 1e-20) {
                normals[v + 1] = 1; // only degenerate faces around it; glTF still wants a unit vector
            } else {
                for (int k = 0; k < 3; k++) {
                    normals[v + k] = (float) (sum[v + k] / length);
                }
            }
        }
        return normals;
    }
}
