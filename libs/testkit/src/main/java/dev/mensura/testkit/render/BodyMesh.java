package dev.mensura.testkit.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The MakeHuman hm08 base mesh ({@code 3dobjs/base.obj}) in its stored rest pose: decimetres, y up,
 * the person facing +z, the person's left on +x, arms angled down about 40° from the body.
 *
 * <p>Only what the renderer needs is kept: all vertex positions (helpers and joint cubes share the
 * vertex index space with the body, and the rig's weights index into that space), the {@code body}
 * group's quads split into triangles, the eyeballs and eyelashes, and one point per {@code joint-*}
 * cube (the centroid of its 8 vertices — that is how MakeHuman itself places its rig's joints).
 * Loaded once per model directory and shared: the instances are immutable.
 */
public final class BodyMesh {

    private static final Map<Path, BodyMesh> CACHE = new ConcurrentHashMap<>();

    private final Path dir;
    private final double[] positions;
    private final int[] bodyTriangles;
    private final int[] eyeTriangles;
    private final int[] lashTriangles;
    private final Map<String, int[]> jointCubes;
    private final int[] eyeVertices;
    private final double minY;
    private final double maxY;
    private final int headTopVertex;
    private final Map<Pose, PosedBody> posed = new EnumMap<>(Pose.class);

    private BodyMesh(Path dir, double[] positions, Map<String, List<int[]>> groups) {
        this.dir = dir;
        this.positions = positions;
        this.bodyTriangles = triangulate(groups.get("body"));
        this.eyeTriangles = concat(triangulate(groups.get("helper-l-eye")), triangulate(groups.get("helper-r-eye")));
        this.lashTriangles = triangulate(groups.entrySet().stream()
                .filter(e -> e.getKey().startsWith("helper-") && e.getKey().contains("eyelashes"))
                .flatMap(e -> e.getValue().stream()).toList());
        Map<String, int[]> cubes = new TreeMap<>();
        groups.forEach((name, faces) -> {
            if (name.startsWith("joint-")) {
                cubes.put(name, distinctVertices(faces));
            }
        });
        this.jointCubes = Collections.unmodifiableMap(cubes);
        this.eyeVertices = distinctVertices(concatFaces(groups.get("helper-l-eye"), groups.get("helper-r-eye")));
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        int top = -1;
        for (int v : distinctVertices(groups.get("body"))) {
            double y = positions[3 * v + 1];
            lo = Math.min(lo, y);
            if (y > hi) {
                hi = y;
                top = v;
            }
        }
        this.minY = lo;
        this.maxY = hi;
        this.headTopVertex = top;
    }

    /** The mesh from {@link BodyModelDir#resolve()}. */
    public static BodyMesh load() {
        return load(BodyModelDir.resolve());
    }

    /** The mesh from the given model directory (the one holding {@code 3dobjs/base.obj}); cached. */
    public static BodyMesh load(Path modelDir) {
        return CACHE.computeIfAbsent(modelDir.toAbsolutePath().normalize(), BodyMesh::read);
    }

    private static BodyMesh read(Path dir) {
        Path obj = dir.resolve(BodyModelDir.BASE_OBJ);
        double[] pos = new double[3 * 20000];
        int n = 0;
        Map<String, List<int[]>> groups = new LinkedHashMap<>();
        List<int[]> current = null;
        try {
            for (String line : Files.readAllLines(obj, StandardCharsets.UTF_8)) {
                if (line.startsWith("v ")) {
                    String[] t = line.trim().split("\\s+");
                    if (3 * n + 3 > pos.length) {
                        pos = Arrays.copyOf(pos, pos.length * 2);
                    }
                    pos[3 * n] = Double.parseDouble(t[1]);
                    pos[3 * n + 1] = Double.parseDouble(t[2]);
                    pos[3 * n + 2] = Double.parseDouble(t[3]);
                    n++;
                } else if (line.startsWith("g ")) {
                    // Groups recur (eyelashes, tights): faces of a repeated name are appended.
                    current = groups.computeIfAbsent(line.substring(2).trim(), k -> new ArrayList<>());
                } else if (line.startsWith("f ") && current != null) {
                    String[] t = line.trim().split("\\s+");
                    int[] face = new int[t.length - 1];
                    for (int k = 1; k < t.length; k++) {
                        int slash = t[k].indexOf('/');
                        face[k - 1] = Integer.parseInt(slash < 0 ? t[k] : t[k].substring(0, slash)) - 1;
                    }
                    current.add(face);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + obj, e);
        }
        for (String needed : List.of("body", "helper-l-eye", "helper-r-eye", "joint-head", "joint-l-shoulder")) {
            if (!groups.containsKey(needed)) {
                throw new IllegalStateException(obj + " has no group '" + needed + "'; is it the hm08 base mesh?");
            }
        }
        return new BodyMesh(dir, Arrays.copyOf(pos, 3 * n), groups);
    }

    /** Fan-splits each polygon (hm08 is all quads) into triangles, keeping the outward CCW winding. */
    private static int[] triangulate(List<int[]> faces) {
        int count = 0;
        for (int[] f : faces) {
            count += f.length - 2;
        }
        int[] tris = new int[3 * count];
        int k = 0;
        for (int[] f : faces) {
            for (int j = 1; j + 1 < f.length; j++) {
                tris[k++] = f[0];
                tris[k++] = f[j];
                tris[k++] = f[j + 1];
            }
        }
        return tris;
    }

    private static List<int[]> concatFaces(List<int[]> a, List<int[]> b) {
        List<int[]> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int[] distinctVertices(List<int[]> faces) {
        return faces.stream().flatMapToInt(Arrays::stream).distinct().sorted().toArray();
    }

    /** The mesh in the given pose (computed once per pose). */
    public synchronized PosedBody pose(Pose pose) {
        return posed.computeIfAbsent(pose, p -> new PosedBody(this, p, Posing.apply(this, p)));
    }

    /**
     * This mesh with vertex positions made elsewhere (for instance by MakeHuman's shape targets in
     * fitting's tests), in the rest pose, decimetres, all vertices.
     */
    public PosedBody shaped(double[] restPositions) {
        if (restPositions.length != positions.length) {
            throw new IllegalArgumentException("expected " + positions.length / 3 + " vertices");
        }
        return new PosedBody(this, Pose.A_POSE, restPositions.clone());
    }

    /** Joint point per {@code joint-*} cube: centroid of its vertices in {@code pos}. */
    Map<String, double[]> jointsOf(double[] pos) {
        Map<String, double[]> joints = new TreeMap<>();
        jointCubes.forEach((name, verts) -> {
            double[] c = new double[3];
            for (int v : verts) {
                for (int a = 0; a < 3; a++) {
                    c[a] += pos[3 * v + a];
                }
            }
            for (int a = 0; a < 3; a++) {
                c[a] /= verts.length;
            }
            joints.put(name, c);
        });
        return Collections.unmodifiableMap(joints);
    }

    public Path modelDir() {
        return dir;
    }

    public int vertexCount() {
        return positions.length / 3;
    }

    /** Rest-pose positions, x,y,z per vertex (a copy), decimetres. */
    public double[] positions() {
        return positions.clone();
    }

    double[] positionsShared() {
        return positions;
    }

    /** Triangles of the {@code body} group, 3 vertex indices each (a copy). */
    public int[] bodyTriangles() {
        return bodyTriangles.clone();
    }

    int[] bodyTrianglesShared() {
        return bodyTriangles;
    }

    /** Triangles of both eyeballs ({@code helper-l-eye}, {@code helper-r-eye}); they show through the lids. */
    int[] eyeTrianglesShared() {
        return eyeTriangles;
    }

    int[] lashTrianglesShared() {
        return lashTriangles;
    }

    int[] eyeVerticesShared() {
        return eyeVertices;
    }

    /** Names of all joint cubes, e.g. {@code joint-head}, {@code joint-l-shoulder}, sorted. */
    public Set<String> jointNames() {
        return new TreeSet<>(jointCubes.keySet());
    }

    /** Rest-pose joints by name (centroids of the joint cubes), decimetres; a copy. */
    public Map<String, double[]> joints() {
        return pose(Pose.A_POSE).joints();
    }

    /** Lowest body vertex (the soles), decimetres. */
    public double soleY() {
        return minY;
    }

    /** Index of the highest body vertex: the top of the head, which with the soles defines stature. */
    public int headTopVertex() {
        return headTopVertex;
    }

    /** Top of head to sole, decimetres (about 16.7 for hm08). */
    public double statureDm() {
        return maxY - minY;
    }
}
