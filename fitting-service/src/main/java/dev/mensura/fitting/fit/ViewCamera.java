package dev.mensura.fitting.fit;

/**
 * A pinhole phone camera looking at the person: focal length in pixels and principal point at
 * the image centre (known), and what the fit finds, {@value #PARAMETERS} numbers: {distance from
 * the person's centre line, height, downward pitch, sideways offset, roll, yaw} (cm and radians).
 * The body stands with its soles at y = 0 (cm), facing +z in the front view; in the side view it
 * is turned so that its left side faces the camera (and it looks towards the image's left).
 */
final class ViewCamera {
    static final int PARAMETERS = 6;
    static final int DISTANCE = 0;
    static final int HEIGHT = 1;
    static final int PITCH = 2;
    static final int OFFSET = 3;
    static final int ROLL = 4;
    static final int YAW = 5;

    private ViewCamera() {
    }

    /** Projects body points for one photo's camera, with derivatives. */
    static final class Projector {
        private final boolean side;
        private final double focal;
        private final double cx;
        private final double cy;
        private final double[] camera;
        /** rows: image right, image up, depth; applied to the point relative to the camera. */
        private final double[] r = new double[9];

        Projector(ViewObservation view, double[] camera) {
            this(view.side(), view.focalPx(), view.width() / 2.0, view.height() / 2.0, camera);
        }

        private Projector(boolean side, double focal, double cx, double cy, double[] camera) {
            this.side = side;
            this.focal = focal;
            this.cx = cx;
            this.cy = cy;
            this.camera = camera.clone();
            double cp = Math.cos(camera[PITCH]);
            double sp = Math.sin(camera[PITCH]);
            double cr = Math.cos(camera[ROLL]);
            double sr = Math.sin(camera[ROLL]);
            double cy0 = Math.cos(camera[YAW]);
            double sy = Math.sin(camera[YAW]);
            // yaw about the vertical, then pitch down, then roll about the viewing axis
            double[] depth = {cp * sy, -sp, -cp * cy0};
            double[] up = {sp * sy, cp, -sp * cy0};
            double[] across = {cy0, 0, sy};
            for (int k = 0; k < 3; k++) {
                r[k] = cr * across[k] + sr * up[k];
                r[3 + k] = cr * up[k] - sr * across[k];
                r[6 + k] = depth[k];
            }
        }

        /** The same camera with parameter i moved by h. */
        Projector moved(int i, double h) {
            double[] c = camera.clone();
            c[i] += h;
            return new Projector(side, focal, cx, cy, c);
        }

        void project(double x, double y, double z, double[] out) {
            double[] c = inCamera(x, y, z);
            out[0] = cx + focal * c[0] / c[2];
            out[1] = cy - focal * c[1] / c[2];
        }

        /** A body point relative to the camera: {right, up, depth}. */
        private double[] inCamera(double x, double y, double z) {
            double qx = (side ? -z : x) - camera[OFFSET];
            double qy = y - camera[HEIGHT];
            double qz = (side ? x : z) - camera[DISTANCE];
            return new double[] {r[0] * qx + r[1] * qy + r[2] * qz, r[3] * qx + r[4] * qy + r[5] * qz,
                r[6] * qx + r[7] * qy + r[8] * qz};
        }

        /**
         * u, v and their derivatives by the body point (x, y, z): {@code out} = {u, v, du/dx,
         * du/dy, du/dz, dv/dx, dv/dy, dv/dz}.
         */
        void projectWithGradient(double x, double y, double z, double[] out) {
            double[] c = inCamera(x, y, z);
            double a = c[0];
            double b = c[1];
            double d = c[2];
            out[0] = cx + focal * a / d;
            out[1] = cy - focal * b / d;
            double[] du = new double[3];
            double[] dv = new double[3];
            for (int k = 0; k < 3; k++) { // by q
                du[k] = focal * (r[k] - a / d * r[6 + k]) / d;
                dv[k] = -focal * (r[3 + k] - b / d * r[6 + k]) / d;
            }
            if (side) { // q = (-z, y, x)
                out[2] = du[2];
                out[3] = du[1];
                out[4] = -du[0];
                out[5] = dv[2];
                out[6] = dv[1];
                out[7] = -dv[0];
            } else {
                out[2] = du[0];
                out[3] = du[1];
                out[4] = du[2];
                out[5] = dv[0];
                out[6] = dv[1];
                out[7] = dv[2];
            }
        }

        /** u, v of every vertex. */
        double[] all(double[] cm) {
            double[] uv = new double[cm.length / 3 * 2];
            double[] one = new double[2];
            for (int v = 0; v < cm.length / 3; v++) {
                project(cm[3 * v], cm[3 * v + 1], cm[3 * v + 2], one);
                uv[2 * v] = one[0];
                uv[2 * v + 1] = one[1];
            }
            return uv;
        }

        double focal() {
            return focal;
        }

        double distance() {
            return camera[DISTANCE];
        }
    }
}
