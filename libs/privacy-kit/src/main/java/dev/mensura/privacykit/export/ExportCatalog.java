package dev.mensura.privacykit.export;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of a service's tables reach a subject's export (Art. 15, 20) and in which part, and which
 * do not and why. Every table of a service's schema must be in exactly one of the two maps: a
 * coverage test compares this catalog with the tables that exist, so a new table without an
 * export path (or a reason it has none) fails the build.
 *
 * @param service     the service's name, the folder of its parts in the zip
 * @param exported    table → part file name that carries its rows
 * @param notExported table → why the subject's export does not contain it
 */
public record ExportCatalog(String service, Map<String, String> exported, Map<String, String> notExported) {

    public ExportCatalog {
        Objects.requireNonNull(service, "service");
        exported = Map.copyOf(exported);
        notExported = Map.copyOf(notExported);
        Set<String> both = new TreeSet<>(exported.keySet());
        both.retainAll(notExported.keySet());
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("tables both exported and not: " + both);
        }
    }

    /** Every table the catalog accounts for. */
    public Set<String> tables() {
        Set<String> all = new TreeSet<>(exported.keySet());
        all.addAll(notExported.keySet());
        return all;
    }

    /** The part files the service's answer must contain. */
    public Set<String> parts() {
        return new TreeSet<>(exported.values());
    }
}
