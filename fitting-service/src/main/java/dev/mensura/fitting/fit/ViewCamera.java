package dev.mensura.fitting.fit;

/**
 * A pinhole phone camera looking at the person: focal length in pixels and principal point at
 * the image centre (known), and what the fit finds: {distance from the person's centre line,
 * height, downward pitch, sideways offset}. The body stands with its soles at y = 0 (cm), facing
 * +z in the front view; in the side view it is turned so that its left side faces the camera
 * (and it looks towards the image's left).
 */
final class ViewCamera {
    private ViewCamera() {
    }

    /** Projects body points for one photo's camera. */
    static final class Projector {
        private final boolean side;
        private final double focal;
        private final double cx;
        private final double cy;
        private final double distance;
        private final double height;
        private final double offset;
        private final double cos;
        private final double sin;

        Projector(ViewObservation view, double[] camera) {
            this.side = view.side();
            this.focal = view.focalPx();
            this.cx = view.width() / 2.0;
            this.cy = view.height() / 2.0;
            this.distance = camera[0];
            this.height = camera[1];
            this.cos = Math.cos(camera[2]);
            this.sin = Math.sin(camera[2]);
            this.offset = camera[3];
        }

        void project(double x, double y, double z, double[] out) {
            double qx = (side ? -z : x) - offset;
            double qy = y - height;
            double qz = (side ? x : z) - distance;
            double depth = -qy * sin - qz * cos;
            double up = qy * cos - qz * sin;
            out[0] = cx + focal * qx / depth;
            out[1] = cy - focal * up / depth;
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
    }
}
