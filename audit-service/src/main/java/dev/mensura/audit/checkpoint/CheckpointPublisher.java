package dev.mensura.audit.checkpoint;

import dev.mensura.audit.log.LogStore;
import dev.mensura.audit.log.LogTree;
import dev.mensura.tlog.Checkpoint;
import dev.mensura.tlog.SignedNote;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Signs a checkpoint whenever the tree has grown (checked every 500 ms, so a checkpoint follows
 * new entries within a second), and one of the empty tree at the first start so there is always
 * one to read. Replicas may race to sign the same size; the first stored wins, and Ed25519 being
 * deterministic they signed the same note anyway.
 */
@ApplicationScoped
public class CheckpointPublisher {
    private final LogTree tree;
    private final LogStore store;
    private final SigningKeys keys;

    public CheckpointPublisher(LogTree tree, LogStore store, SigningKeys keys) {
        this.tree = tree;
        this.store = store;
        this.keys = keys;
    }

    @Startup
    void first() {
        publish();
    }

    @Scheduled(every = "${mensura.audit.checkpoint-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void publish() {
        long size = tree.refresh();
        long signed = store.latestCheckpoint().map(LogStore.StoredCheckpoint::size).orElse(-1L);
        if (size > signed) {
            byte[] root = tree.root(size);
            String note = SignedNote.sign(new Checkpoint(keys.origin(), size, root).text(), List.of(keys.signer()));
            store.saveCheckpoint(size, root, note);
        }
    }
}
