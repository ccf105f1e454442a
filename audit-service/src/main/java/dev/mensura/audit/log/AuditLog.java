package dev.mensura.audit.log;

import dev.mensura.tlog.Hashes;
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
        LogStore.Appended appended = store.append(entry, Hashes.leaf(entry.canonical()));
        registry.counter("audit_entries_appended_total", "new", Boolean.toString(appended.isNew())).increment();
        tree.refresh();
        return appended;
    }

    /** Counts a refused entry by rule-agnostic reason only (I6: never what was refused). */
    public void rejected(String channel) {
        registry.counter("audit_entries_rejected_total", "channel", channel).increment();
    }
}
