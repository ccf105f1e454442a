package dev.mensura.fitting.body;

import dev.mensura.fitting.measure.Mesh;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The MakeHuman hm08 body model read from its directory ({@code ../shared/bodymodel/mpfb2} in
 * development, a mounted volume in Kubernetes; never copied into the repository): the base mesh
 * once, each target file once on first use, and a body as base + Σ weight × target for the macro
 * sliders and any local modifiers (e.g. {@code measure-waist-circ-incr}).
 */
public final class BodyModel {
    /** hm08 is modelled in decimetres. */
    public static final double CM_PER_UNIT = 10;

    private final Path dir;
    private final BaseMesh base;
    private final Map<String, Path> modifierFiles = new HashMap<>();
    private final Map<String, Optional<Target>> targets = new ConcurrentHashMap<>();

    private BodyModel(Path dir, BaseMesh base) throws IOException {
        this.dir = dir;
        this.base = base;
        try (Stream<Path> files = Files.walk(dir.resolve("targets"))) {
            files.filter(f -> f.getFileName().toString().endsWith(".target.gz"))
                    .filter(f -> !f.startsWith(dir.resolve("targets/macrodetails")))
                    .forEach(f -> modifierFiles.put(name(f), f));
        }
    }

    public static BodyModel load(Path dir) throws IOException {
        return new BodyModel(dir, BaseMesh.read(dir.resolve("3dobjs/base.obj")));
    }

    public BaseMesh base() {
        return base;
    }

    /** The body's vertex positions (decimetres, all vertices) for these sliders and modifiers. */
    public float[] positions(Macro macro, Map<String, Double> modifiers) {
        float[] p = base.positions().clone();
        MacroTargets.of(macro).forEach((path, weight) -> target(path).ifPresent(t -> t.addTo(p, weight)));
        modifiers.forEach((name, weight) -> {
            Path file = modifierFiles.get(name);
            if (file == null) {
                throw new IllegalArgumentException("no modifier target " + name);
            }
            target(relative(file)).orElseThrow().addTo(p, weight);
        });
        return p;
    }

    /** A modifier target by name (e.g. {@code measure-waist-circ-incr}), read once. */
    public Target modifier(String name) {
        Path file = modifierFiles.get(name);
        if (file == null) {
            throw new IllegalArgumentException("no modifier target " + name);
        }
        return target(relative(file)).orElseThrow();
    }

    /** The visible body (the {@code body} group) in centimetres, for measuring. */
    public Mesh mesh(float[] positions) {
        double[] cm = new double[positions.length];
        for (int i = 0; i < cm.length; i++) {
            cm[i] = positions[i] * CM_PER_UNIT;
        }
        return new Mesh(cm, base.bodyTriangles());
    }

    private Optional<Target> target(String pathUnderTargets) {
        return targets.computeIfAbsent(pathUnderTargets, p -> {
            Path file = dir.resolve("targets").resolve(p + ".target.gz");
            if (!Files.isRegularFile(file)) {
                return Optional.empty(); // a combination MakeHuman does not ship, e.g. breast shape for male
            }
            try {
                return Optional.of(Target.read(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private String relative(Path file) {
        String r = dir.resolve("targets").relativize(file).toString();
        return r.substring(0, r.length() - ".target.gz".length());
    }

    private static String name(Path file) {
        String f = file.getFileName().toString();
        return f.substring(0, f.length() - ".target.gz".length());
    }
}
