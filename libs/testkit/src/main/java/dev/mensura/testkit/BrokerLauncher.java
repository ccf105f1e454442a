package dev.mensura.testkit;

import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Main class of the broker's child JVM: {@code BrokerLauncher <parent-pid> <main-class> <args...>}.
 * Runs {@code main-class} and exits the JVM (running Kafka's own shutdown hook, a controlled
 * shutdown) as soon as the parent process is gone, so that a test JVM killed with SIGKILL, whose
 * shutdown hooks never run, leaves no broker behind.
 *
 * <p>Uses nothing but the JDK: this class file is copied on its own next to the broker's
 * configuration and put first on the child's class path.
 */
public final class BrokerLauncher {

    private BrokerLauncher() {
    }

    public static void main(String[] args) throws Throwable {
        long parentPid = Long.parseLong(args[0]);
        Thread watchdog = new Thread(() -> {
            ProcessHandle.of(parentPid).ifPresentOrElse(
                    p -> p.onExit().join(),
                    () -> { });
            System.err.println("[mensura-testkit] parent process " + parentPid + " is gone; stopping the broker");
            System.exit(0);
        }, "mensura-parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Method main = Class.forName(args[1]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
    }
}
