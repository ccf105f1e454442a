package dev.mensura.testkit.render;

import java.util.Map;
import java.util.TreeMap;

/** The base mesh in one {@link Pose}: vertex positions and joint points, decimetres, mesh frame. */
public final class PosedBody {

    private final BodyMesh mesh;
    private final Pose pose;
    private final double[] positions;
    private final Map<String, double[]> joints;

    PosedBody(BodyMesh mesh, Pose pose, double[] positions) {
        this.mesh = mesh;
        this.pose = pose;
        this.positions = positions;
        this.joints = mesh.jointsOf(positions);
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
