package dev.mensura.privacykit.destruction;

/**
 * What {@link SecureDestruction#destroy} did; the ingest service puts both values into the
 * destruction audit event (invariant I2).
 *
 * @param bytesOverwritten how many bytes were overwritten with zeros and flushed
 * @param verifiedGone     whether the path was checked to no longer exist after unlinking
 */
public record DestructionResult(long bytesOverwritten, boolean verifiedGone) {
}
