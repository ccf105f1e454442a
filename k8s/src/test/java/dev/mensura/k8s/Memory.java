package dev.mensura.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes read from a container: quantities, its memory limit, the heap it gives the JVM, its env. */
final class Memory {
    private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)([kKmMgG]?)");

    private Memory() {
    }

    static long bytes(Quantity quantity) {
        return Quantity.getAmountInBytes(quantity).setScale(0, java.math.RoundingMode.CEILING).longValueExact();
    }

    static Optional<Long> limit(Container container) {
        if (container.getResources() == null || container.getResources().getLimits() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(container.getResources().getLimits().get("memory")).map(Memory::bytes);
    }

    /** The -Xmx in JAVA_OPTS or JAVA_TOOL_OPTIONS (the last one wins, as with the JVM). */
    static Optional<Long> heap(Container container) {
        Long heap = null;
        for (String name : new String[] {"JAVA_TOOL_OPTIONS", "JAVA_OPTS"}) {
            Optional<String> value = env(container, name);
            if (value.isPresent()) {
                Matcher m = XMX.matcher(value.get());
                while (m.find()) {
                    heap = Long.parseLong(m.group(1)) * unit(m.group(2));
                }
            }
        }
        return Optional.ofNullable(heap);
    }

    static Optional<String> env(Container container, String name) {
        if (container.getEnv() == null) {
            return Optional.empty();
        }
        return container.getEnv().stream().filter(e -> name.equals(e.getName())).map(EnvVar::getValue)
                .filter(v -> v != null).reduce((first, last) -> last);
    }

    private static long unit(String suffix) {
        return switch (suffix.toLowerCase(Locale.ROOT)) {
            case "k" -> 1L << 10;
            case "m" -> 1L << 20;
            case "g" -> 1L << 30;
            default -> 1L;
        };
    }

    static String mib(long bytes) {
        return new BigDecimal(bytes).divide(BigDecimal.valueOf(1L << 20), 1, java.math.RoundingMode.HALF_UP) + " MiB";
    }
}
