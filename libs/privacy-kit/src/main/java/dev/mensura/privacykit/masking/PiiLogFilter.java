package dev.mensura.privacykit.masking;

import io.quarkus.logging.LoggingFilter;
import java.util.Arrays;
import java.util.IllegalFormatException;
import java.util.Map;
import java.util.logging.Filter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Masks PII in every log record before a handler writes it (invariant I6). Services enable it
 * with {@code quarkus.log.console.filter=mensura-pii} (and the same for file/JSON handlers);
 * Quarkus finds it through this module's Jandex index.
 *
 * <p>The message is formatted with its parameters first, because PII usually arrives as a
 * parameter ({@code log.infof("upload from %s", ip)}); then the masked text is set back as a
 * pre-formatted message with the parameters removed, so no handler or formatter can see the
 * raw values again. The record is always logged (returns true): dropping lines would hide
 * incidents; masking is the point.
 */
@LoggingFilter(name = "mensura-pii")
public final class PiiLogFilter implements Filter {

    private static final String WITHHELD = "[LOG_MESSAGE_WITHHELD: masking failed]";

    /** Only used for JUL's own {0}-style formatting and resource bundle lookup. */
    private static final Formatter JUL = new Formatter() {
        @Override
        public String format(LogRecord record) {
            return formatMessage(record);
        }
    };

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record == null) {
            return true;
        }
        try {
            String masked = PiiMasker.maskText(formattedMessage(record));
            if (record instanceof ExtLogRecord ext) {
                ext.setMessage(masked, ExtLogRecord.FormatStyle.NO_FORMAT);
                maskMdc(ext);
            } else {
                record.setMessage(masked);
            }
            record.setParameters(null);
            record.setResourceBundle(null); // the text is final; it is no longer a bundle key
            record.setThrown(MaskedThrowable.mask(record.getThrown()));
        } catch (RuntimeException | StackOverflowError e) {
            // Fail closed: an unmasked line could leak, a withheld one only loses detail.
            record.setMessage(WITHHELD);
            record.setParameters(null);
            record.setThrown(null);
        }
        return true;
    }

    /** The message as a handler would print it, whichever formatting style the caller used. */
    static String formattedMessage(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            // Knows MESSAGE_FORMAT ({0}), PRINTF (%s) and NO_FORMAT, and resource bundles.
            return ext.getFormattedMessage();
        }
        String jul = JUL.formatMessage(record); // localises and applies {0}-style parameters
        Object[] params = record.getParameters();
        if (params == null || params.length == 0 || jul == null || !jul.equals(localized(record))) {
            return jul;
        }
        // JUL left it alone although there are parameters: printf style, or none at all.
        try {
            if (jul.indexOf('%') >= 0) {
                return String.format(jul, params);
            }
        } catch (IllegalFormatException e) {
            // fall through: keep the values visible to the masker rather than losing them
        }
        return jul + " " + Arrays.toString(params);
    }

    private static String localized(LogRecord record) {
        LogRecord copy = new LogRecord(record.getLevel(), record.getMessage());
        copy.setResourceBundle(record.getResourceBundle());
        return JUL.formatMessage(copy);
    }

    /** MDC values go into JSON logs as fields; a client IP put there must be masked too. */
    private static void maskMdc(ExtLogRecord ext) {
        for (Map.Entry<String, String> e : ext.getMdcCopy().entrySet()) {
            String value = e.getValue();
            String masked = PiiMasker.maskText(value);
            if (value != null && !value.equals(masked)) {
                ext.putMdc(e.getKey(), masked);
            }
        }
    }
}
