package dev.mensura.testkit.render;

import java.util.Map;
import java.util.TreeMap;

/** The base mesh in one {@link Pose}: vertex positions and joint points, decimetres, mesh frame. */
public final class PosedBody {

    private final BodyMesh mesh;
    private final Pose pose;
    private final double[] positions;
    private final Map<String, double[]> joints;
    private final double soleY;

    PosedBody(BodyMesh mesh, Pose pose, double[] positions) {
        this.mesh = mesh;
        this.pose = pose;
        this.positions = positions;
        this.joints = mesh.jointsOf(positions);
        double min = Double.MAX_VALUE;
        for (int v : mesh.bodyTriangles()) {
            min = Math.min(min, positions[3 * v + 1]);
        }
        this.soleY = min;
    }

    public BodyMesh mesh() {
        return mesh;
    }

    public Pose pose() {
        return pose;
    }

    /** x,y,z per vertex (a copy). */
    public double[] positions() {
        return positions.clone();
    }

    double[] positionsShared() {
        return positions;
    }

    /** The sole's height in this body, decimetres: its lowest body vertex. */
    public double soleY() {
        return soleY;
    }

    /** Top of the head (the mesh's head-top vertex) to the sole, decimetres. */
    public double statureDm() {
        return positions[3 * mesh.headTopVertex() + 1] - soleY();
    }

    /** Joints by cube name ({@code joint-head}, {@code joint-l-hand}, ...), x,y,z; a copy (the body is shared). */
    public Map<String, double[]> joints() {
        Map<String, double[]> copy = new TreeMap<>();
        joints.forEach((name, p) -> copy.put(name, p.clone()));
        return copy;
    }

    /** One joint, or an {@link IllegalArgumentException} naming the unknown joint. */
    public double[] joint(String name) {
        double[] j = joints.get(name);
        if (j == null) {
            throw new IllegalArgumentException("No joint " + name + "; known: " + joints.keySet());
        }
        return j.clone();
    }
}
