package dev.mensura.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Main class of the child JVMs this module starts (the Kafka broker, {@link ServiceProcess}):
 * {@code ChildLauncher <parent-pid> <main-class> <args...>}. Runs {@code main-class} and exits
 * the JVM (running the child's own shutdown hooks: Kafka's controlled shutdown, Quarkus' graceful
 * stop) as soon as the parent process is gone, so that a test JVM killed with SIGKILL, whose
 * shutdown hooks never run, leaves no child behind.
 *
 * <p>Uses nothing but the JDK: {@link #install(Path)} copies this class file on its own into a
 * directory that goes first on the child's class path.
 */
public final class ChildLauncher {

    private ChildLauncher() {
    }

    public static void main(String[] args) throws Throwable {
        long parentPid = Long.parseLong(args[0]);
        Thread watchdog = new Thread(() -> {
            ProcessHandle.of(parentPid).ifPresentOrElse(
                    p -> p.onExit().join(),
                    () -> { });
            System.err.println("[mensura-testkit] parent process " + parentPid + " is gone; exiting");
            System.exit(0);
        }, "mensura-parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Method main = Class.forName(args[1]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * Copies this class file into {@code dir/launcher} and returns that class path root. The class
     * is compiled for the JVM that runs the tests, which is also the one that runs the children.
     */
    static Path install(Path dir) throws IOException {
        Path root = dir.resolve("launcher");
        String resource = ChildLauncher.class.getName().replace('.', '/') + ".class";
        Path target = root.resolve(resource);
        Files.createDirectories(target.getParent());
        try (InputStream in = ChildLauncher.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " not found");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return root;
    }

    /** The {@code java} executable of this JVM. */
    static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .filter(c -> c.endsWith("java") || c.endsWith("java.exe"))
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
