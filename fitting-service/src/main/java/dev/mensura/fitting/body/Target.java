package dev.mensura.fitting.body;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A morph target: the vertices it moves and by how much (decimetres), read from MakeHuman's
 * gzip'd text format, one {@code index dx dy dz} line per moved vertex.
 */
public record Target(String name, int[] indices, float[] deltas) {

    public static Target read(Path gz) throws IOException {
        int[] idx = new int[1024];
        float[] d = new float[3 * 1024];
        int n = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.US_ASCII))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                line = line.trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] p = line.split("\\s+");
                if (n == idx.length) {
                    idx = java.util.Arrays.copyOf(idx, 2 * n);
                    d = java.util.Arrays.copyOf(d, 6 * n);
                }
                idx[n] = Integer.parseInt(p[0]);
                d[3 * n] = Float.parseFloat(p[1]);
                d[3 * n + 1] = Float.parseFloat(p[2]);
                d[3 * n + 2] = Float.parseFloat(p[3]);
                n++;
            }
        }
        String file = gz.getFileName().toString();
        return new Target(file.substring(0, file.length() - ".target.gz".length()), java.util.Arrays.copyOf(idx, n),
                java.util.Arrays.copyOf(d, 3 * n));
    }

    /** positions += weight × this target. */
    public void addTo(float[] positions, double weight) {
        if (weight == 0) {
            return;
        }
        for (int i = 0; i < indices.length; i++) {
            int o = 3 * indices[i];
            positions[o] += (float) (weight * deltas[3 * i]);
            positions[o + 1] += (float) (weight * deltas[3 * i + 1]);
            positions[o + 2] += (float) (weight * deltas[3 * i + 2]);
        }
    }
}
