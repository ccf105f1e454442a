package dev.mensura.privacykit.masking;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.logging.LoggingFilter;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexReader;
import org.jboss.jandex.IndexView;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.MDC;
import org.junit.jupiter.api.Test;

class PiiLogFilterTest {

    private final PiiLogFilter filter = new PiiLogFilter();

    @Test
    void printfRecordIsFormattedMaskedAndStrippedOfParameters() {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "upload from %s by %s (%d bytes)",
                ExtLogRecord.FormatStyle.PRINTF, getClass().getName());
        record.setParameters(new Object[] {"192.168.1.77", "max.muster@gmail.com", 1234});

        assertThat(filter.isLoggable(record)).isTrue();

        assertThat(record.getParameters()).isNull();
        assertThat(record.getFormatStyle()).isEqualTo(ExtLogRecord.FormatStyle.NO_FORMAT);
        assertThat(record.getFormattedMessage())
                .isEqualTo("upload from 192.168.1.0 by m*********@gmail.com (1234 bytes)");
    }

    @Test
    void messageFormatRecordIsMasked() {
        ExtLogRecord record = new ExtLogRecord(Level.WARNING, "call {0} about job {1}",
                ExtLogRecord.FormatStyle.MESSAGE_FORMAT, getClass().getName());
        record.setParameters(new Object[] {"+49 170 1234567", "j-1"});

        filter.isLoggable(record);

        assertThat(record.getFormattedMessage()).isEqualTo("call +49 170 ****567 about job j-1");
    }

    @Test
    void plainJulRecordsWithEitherStyleAreMasked() {
        LogRecord braces = new LogRecord(Level.INFO, "client {0}");
        braces.setParameters(new Object[] {"10.20.30.40"});
        LogRecord printf = new LogRecord(Level.INFO, "client %s");
        printf.setParameters(new Object[] {"10.20.30.40"});

        filter.isLoggable(braces);
        filter.isLoggable(printf);

        assertThat(braces.getMessage()).isEqualTo("client 10.20.30.0");
        assertThat(printf.getMessage()).isEqualTo("client 10.20.30.0");
        assertThat(braces.getParameters()).isNull();
        assertThat(printf.getParameters()).isNull();
    }

    @Test
    void thrownExceptionMessagesAreMaskedButKeepClassAndStackTrace() {
        IllegalStateException cause = new IllegalStateException("no mailbox max@example.org");
        RuntimeException thrown = new RuntimeException("cannot notify +49 170 1234567", cause);
        ExtLogRecord record = new ExtLogRecord(Level.SEVERE, "failed", getClass().getName());
        record.setThrown(thrown);

        filter.isLoggable(record);

        Throwable masked = record.getThrown();
        assertThat(masked).isNotSameAs(thrown);
        assertThat(masked.toString()).isEqualTo("java.lang.RuntimeException: cannot notify +49 170 ****567");
        assertThat(masked.getMessage()).isEqualTo("cannot notify +49 170 ****567");
        assertThat(masked.getStackTrace()).isEqualTo(thrown.getStackTrace());
        assertThat(masked.getCause().toString())
                .isEqualTo("java.lang.IllegalStateException: no mailbox m**@example.org");
        assertThat(masked.getCause().getStackTrace()).isEqualTo(cause.getStackTrace());
        assertThat(((MaskedThrowable) masked).originalClassName()).isEqualTo("java.lang.RuntimeException");
    }

    @Test
    void exceptionsWithoutPiiAreLeftAsTheyAre() {
        IllegalArgumentException thrown = new IllegalArgumentException("height must be positive");
        LogRecord record = new LogRecord(Level.WARNING, "bad request");
        record.setThrown(thrown);

        filter.isLoggable(record);

        assertThat(record.getThrown()).isSameAs(thrown);
    }

    @Test
    void mdcValuesAreMasked() {
        MDC.put("client", "192.168.7.9");
        try {
            ExtLogRecord record = new ExtLogRecord(Level.INFO, "hello", getClass().getName());
            filter.isLoggable(record);
            assertThat(record.getMdc("client")).isEqualTo("192.168.7.0");
        } finally {
            MDC.remove("client");
        }
    }

    @Test
    void handlerWithTheFilterNeverWritesTheRawValues() {
        List<String> written = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (isLoggable(record)) {
                    written.add(getFormatter().format(record));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setFormatter(new SimpleFormatter());
        handler.setFilter(filter);
        Logger logger = Logger.getLogger("mensura.test." + getClass().getSimpleName());
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
        try {
            logger.log(Level.INFO, "stored {0} at {1}", new Object[] {"4111 1111 1111 1111", "/dev/shm/a/b.jpg"});
        } finally {
            logger.removeHandler(handler);
        }

        assertThat(written).singleElement().asString()
                .contains("stored **** **** **** 1111 at [PATH]")
                .doesNotContain("4111 1111", "/dev/shm");
    }

    @Test
    void isDiscoverableByQuarkusUnderItsName() throws Exception {
        assertThat(PiiLogFilter.class.getAnnotation(LoggingFilter.class).name()).isEqualTo("mensura-pii");

        // Quarkus finds @LoggingFilter classes of dependencies through their Jandex index.
        try (InputStream in = PiiLogFilter.class.getResourceAsStream("/META-INF/jandex.idx")) {
            assertThat(in).as("META-INF/jandex.idx of this module").isNotNull();
            IndexView index = new IndexReader(in).read();
            List<AnnotationInstance> filters = List.copyOf(
                    index.getAnnotations(DotName.createSimple(LoggingFilter.class.getName())));
            assertThat(filters).singleElement()
                    .satisfies(a -> assertThat(a.target().asClass().name().toString())
                            .isEqualTo(PiiLogFilter.class.getName()))
                    .satisfies(a -> assertThat(a.value("name").asString()).isEqualTo("mensura-pii"));
        }
    }
}
