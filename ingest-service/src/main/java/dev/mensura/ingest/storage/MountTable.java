package dev.mensura.ingest.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code /proc/self/mountinfo} to tell which filesystem holds a path. The longest mount
 * point that prefixes the (real) path wins, as the kernel resolves it.
 */
public final class MountTable {
    /** Filesystems whose pages live in RAM only: an emptyDir with medium Memory is tmpfs. */
    private static final List<String> RAM_FILESYSTEMS = List.of("tmpfs", "ramfs");

    private final List<Mount> mounts;

    record Mount(String mountPoint, String fsType) {
    }

    MountTable(List<Mount> mounts) {
        this.mounts = mounts;
    }

    public static MountTable ofThisProcess() throws IOException {
        return parse(Files.readAllLines(Path.of("/proc/self/mountinfo")));
    }

    /** mountinfo line: id parent major:minor root mount-point options [optional...] - fstype source super-options */
    static MountTable parse(List<String> lines) {
        List<Mount> mounts = lines.stream().map(line -> {
            String[] fields = line.split(" ");
            int separator = List.of(fields).indexOf("-");
            if (fields.length < 5 || separator < 0 || separator + 1 >= fields.length) {
                return null;
            }
            return new Mount(unescape(fields[4]), fields[separator + 1]);
        }).filter(m -> m != null).toList();
        return new MountTable(mounts);
    }

    public Optional<String> filesystemOf(Path realPath) {
        String path = realPath.toString();
        return mounts.stream()
                .filter(m -> path.equals(m.mountPoint()) || path.startsWith(withSlash(m.mountPoint())))
                .max(Comparator.comparingInt((Mount m) -> m.mountPoint().length()))
                .map(Mount::fsType);
    }

    public boolean isRam(Path realPath) {
        return filesystemOf(realPath).map(RAM_FILESYSTEMS::contains).orElse(false);
    }

    private static String withSlash(String mountPoint) {
        return mountPoint.endsWith("/") ? mountPoint : mountPoint + "/";
    }

    /** mountinfo escapes space, tab, newline and backslash as octal. */
    private static String unescape(String field) {
        return field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
    }
}
