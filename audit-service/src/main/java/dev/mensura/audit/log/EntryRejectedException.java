package dev.mensura.audit.log;

import dev.mensura.problem.ProblemException;

/** An entry the log refuses (malformed, or it would carry personal data, I6); says why, never what. */
public class EntryRejectedException extends ProblemException {
    public EntryRejectedException(String reason) {
        super("audit-entry-rejected", "Audit entry rejected", 400, reason);
    }
}
