package dev.mensura.fitting.measure;

/** Tessellated shapes with known exact measurements. */
final class Shapes {
    private Shapes() {
    }

    /** A vertical elliptic cylinder (semi-axes a along x, b along z), y from 0 to height, n around. */
    static Mesh ellipticCylinder(double a, double b, double height, int n, int rings) {
        double[] p = new double[(rings + 1) * n * 3];
        for (int r = 0; r <= rings; r++) {
            for (int i = 0; i < n; i++) {
                double t = 2 * Math.PI * i / n;
                int o = (r * n + i) * 3;
                p[o] = a * Math.cos(t);
                p[o + 1] = height * r / rings;
                p[o + 2] = b * Math.sin(t);
            }
        }
        int[] tri = new int[rings * n * 6];
        int k = 0;
        for (int r = 0; r < rings; r++) {
            for (int i = 0; i < n; i++) {
                int a0 = r * n + i;
                int a1 = r * n + (i + 1) % n;
                int b0 = a0 + n;
                int b1 = a1 + n;
                tri[k++] = a0;
                tri[k++] = a1;
                tri[k++] = b1;
                tri[k++] = a0;
                tri[k++] = b1;
                tri[k++] = b0;
            }
        }
        return new Mesh(p, tri);
    }

    /** A box w (x) by d (z), y from 0 to height: its sides split into quads. */
    static Mesh box(double w, double d, double height) {
        double[][] corners = {{-w / 2, -d / 2}, {w / 2, -d / 2}, {w / 2, d / 2}, {-w / 2, d / 2}};
        double[] p = new double[8 * 3];
        for (int i = 0; i < 4; i++) {
            p[3 * i] = corners[i][0];
            p[3 * i + 2] = corners[i][1];
            p[3 * (i + 4)] = corners[i][0];
            p[3 * (i + 4) + 1] = height;
            p[3 * (i + 4) + 2] = corners[i][1];
        }
        int[] tri = new int[4 * 6];
        for (int i = 0; i < 4; i++) {
            int j = (i + 1) % 4;
            int[] side = {i, j, j + 4, i, j + 4, i + 4};
            System.arraycopy(side, 0, tri, i * 6, 6);
        }
        return new Mesh(p, tri);
    }

    /** Ramanujan's second approximation: relative error below 1e-9 for these eccentricities. */
    static double ellipsePerimeter(double a, double b) {
        double h = Math.pow(a - b, 2) / Math.pow(a + b, 2);
        return Math.PI * (a + b) * (1 + 3 * h / (10 + Math.sqrt(4 - 3 * h)));
    }
}
