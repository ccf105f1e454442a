package dev.mensura.privacy.records;

import dev.mensura.privacy.records.ProcessingRecord.Retention;
import java.time.Duration;

/**
 * Retention limits in words, from the structured limit rather than free text, so the record and
 * the notice can never state different periods for the same data.
 */
final class RetentionWording {
    private RetentionWording() {
    }

    /** For the record: "at most 30 days after the job". */
    static String limit(Retention retention) {
        return switch (retention.kind()) {
            case PERIOD -> "at most " + duration(ProcessingRecordLoader.maxAge(retention), false)
                    + " after " + retention.from();
            case UNTIL_ERASURE -> "until erasure (on request or on withdrawal of consent)";
            case KEPT -> "kept for the life of the installation (pseudonymous only)";
        };
    }

    /** For the notice, speaking to the user: "at most 300 seconds (5 minutes) after upload". */
    static String plainLimit(Retention retention) {
        return switch (retention.kind()) {
            case PERIOD -> "at most " + duration(ProcessingRecordLoader.maxAge(retention), true)
                    + " after " + retention.from();
            case UNTIL_ERASURE -> "until you erase your data or withdraw your consent";
            case KEPT -> "for as long as this installation runs";
        };
    }

    static String duration(Duration d, boolean plain) {
        long seconds = d.getSeconds();
        if (seconds % 86_400 == 0) {
            return count(seconds / 86_400, "day");
        }
        if (seconds % 3_600 == 0) {
            return count(seconds / 3_600, "hour");
        }
        String exact = count(seconds, "second");
        return plain && seconds % 60 == 0 ? exact + " (" + count(seconds / 60, "minute") + ")" : exact;
    }

    private static String count(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
