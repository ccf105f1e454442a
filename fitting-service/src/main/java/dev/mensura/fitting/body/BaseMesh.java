package dev.mensura.fitting.body;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * MakeHuman's hm08 base mesh ({@code 3dobjs/base.obj}): every vertex (targets index all of them,
 * helpers included), in decimetres with y up, the triangles of the {@code body} group only (the
 * helpers are hidden), and each group's vertices (the {@code joint-*} cubes locate the skeleton).
 */
public record BaseMesh(float[] positions, int[] bodyTriangles, Map<String, int[]> groups) {
    static final String BODY = "body";

    public int vertexCount() {
        return positions.length / 3;
    }

    public static BaseMesh read(Path obj) throws IOException {
        List<float[]> vertices = new ArrayList<>();
        List<Integer> triangles = new ArrayList<>();
        Map<String, List<Integer>> groupVertices = new HashMap<>();
        String group = "";
        try (BufferedReader in = Files.newBufferedReader(obj, StandardCharsets.US_ASCII)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("v ")) {
                    String[] p = line.trim().split("\\s+");
                    vertices.add(new float[] {Float.parseFloat(p[1]), Float.parseFloat(p[2]), Float.parseFloat(p[3])});
                } else if (line.startsWith("g ")) {
                    group = line.substring(2).trim();
                } else if (line.startsWith("f ")) {
                    String[] p = line.trim().split("\\s+");
                    int[] face = new int[p.length - 1];
                    for (int i = 1; i < p.length; i++) {
                        int slash = p[i].indexOf('/');
                        face[i - 1] = Integer.parseInt(slash < 0 ? p[i] : p[i].substring(0, slash)) - 1;
                    }
                    List<Integer> members = groupVertices.computeIfAbsent(group, g -> new ArrayList<>());
                    for (int v : face) {
                        members.add(v);
                    }
                    if (BODY.equals(group)) {
                        for (int i = 1; i + 1 < face.length; i++) { // fan: quads become two triangles
                            triangles.add(face[0]);
                            triangles.add(face[i]);
                            triangles.add(face[i + 1]);
                        }
                    }
                }
            }
        }
        float[] positions = new float[vertices.size() * 3];
        for (int i = 0; i < vertices.size(); i++) {
            System.arraycopy(vertices.get(i), 0, positions, 3 * i, 3);
        }
        Map<String, int[]> groups = new HashMap<>();
        groupVertices.forEach((name, list) -> groups.put(name, list.stream().mapToInt(Integer::intValue).distinct()
                .toArray()));
        return new BaseMesh(positions, triangles.stream().mapToInt(Integer::intValue).toArray(), Map.copyOf(groups));
    }

    /** The centre of a group's vertices, e.g. of a {@code joint-*} cube: where that joint is. */
    public double[] centroid(String group, float[] at) {
        int[] members = groups.get(group);
        if (members == null) {
            throw new IllegalArgumentException("no group " + group);
        }
        double[] c = new double[3];
        for (int v : members) {
            for (int k = 0; k < 3; k++) {
                c[k] += at[3 * v + k];
            }
        }
        for (int k = 0; k < 3; k++) {
            c[k] /= members.length;
        }
        return c;
    }
}
