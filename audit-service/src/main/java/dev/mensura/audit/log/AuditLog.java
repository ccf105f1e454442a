package dev.mensura.audit.log;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Appending: the policy decides, the store sequences, the tree learns the new leaf. */
@ApplicationScoped
public class AuditLog {
    private final LogStore store;
    private final LogTree tree;
    private final MeterRegistry registry;

    public AuditLog(LogStore store, LogTree tree, MeterRegistry registry) {
        this.store = store;
        this.tree = tree;
        this.registry = registry;
    }

    public LogStore.Appended append(AuditEntry entry) {
        return appendAll(java.util.List.of(entry)).get(0);
    }

    public java.util.List<LogStore.Appended> appendAll(java.util.List<AuditEntry> entries) {
        var appended = store.appendAll(entries);
        long added = appended.stream().filter(LogStore.Appended::isNew).count();
        registry.counter("audit_entries_appended_total").increment(added);
        registry.counter("audit_entries_duplicate_total").increment(appended.size() - added);
        tree.refresh();
        return appended;
    }

    /** Counts a refused entry by rule-agnostic reason only (I6: never what was refused). */
    public void rejected(String channel) {
        registry.counter("audit_entries_rejected_total", "channel", channel).increment();
    }
}
