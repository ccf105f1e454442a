package dev.mensura.privacy.records;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mensura.privacy.records.ProcessingRecord.DataCategory;
import dev.mensura.privacy.records.ProcessingRecord.Retention;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads and checks {@value #RESOURCE}. Plain Jackson, no CDI, so the docs test renders exactly
 * what the service serves. Strict on purpose: a typo in a field name or a category without a
 * retention limit must stop the build, not silently drop a line from a document for regulators.
 * Missing fields are null and caught by {@link #problems}, which names them all at once.
 */
public final class ProcessingRecordLoader {
    public static final String RESOURCE = "processing-activities.json";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ProcessingRecordLoader() {
    }

    /** The record from the classpath resource; throws when it is missing or invalid. */
    public static ProcessingRecord load() {
        try (InputStream in = ProcessingRecordLoader.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or parse " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** An installation's own record, from a file outside the service (a mounted ConfigMap). */
    public static ProcessingRecord load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or parse the processing record " + file + ": "
                    + e.getMessage(), e);
        }
    }

    public static ProcessingRecord load(InputStream json) throws IOException {
        ProcessingRecord record = MAPPER.readValue(json, ProcessingRecord.class);
        List<String> problems = problems(record);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " is invalid: " + String.join("; ", problems));
        }
        return record;
    }

    /** Everything wrong with a record, so one run reports every mistake at once. */
    static List<String> problems(ProcessingRecord r) {
        List<String> problems = new ArrayList<>();
        if (r.controller() == null || blank(r.controller().name()) || blank(r.controller().contact())) {
            problems.add("controller needs a name and a contact");
        }
        if (isEmpty(r.dataSubjects()) || isEmpty(r.purposes()) || isEmpty(r.dataCategories())
                || isEmpty(r.measures()) || isEmpty(r.rights())) {
            problems.add("dataSubjects, purposes, dataCategories, measures and rights must not be empty");
            return problems;
        }
        if (r.recipients() == null || blank(r.recipients().summary()) || blank(r.recipients().plain())
                || r.recipients().processors() == null) {
            problems.add("recipients need a summary, a plain text and a processor list");
        }
        if (r.thirdCountryTransfers() == null || r.thirdCountryTransfers().transfers() == null
                || blank(r.thirdCountryTransfers().statement()) || blank(r.thirdCountryTransfers().plain())) {
            problems.add("thirdCountryTransfers need a transfer list, a statement and a plain text");
        }
        if (r.automatedDecisions() == null || blank(r.automatedDecisions().statement())
                || blank(r.automatedDecisions().plain())) {
            problems.add("automatedDecisions need a statement and a plain text");
        }
        Set<String> purposes = ids(r.purposes(), ProcessingRecord.Purpose::id, "purpose", problems);
        Set<String> measures = ids(r.measures(), ProcessingRecord.Measure::id, "measure", problems);
        ids(r.dataCategories(), DataCategory::id, "data category", problems);
        ids(r.rights(), ProcessingRecord.Right::id, "right", problems);
        ids(r.dataSubjects(), ProcessingRecord.SubjectCategory::id, "data-subject category", problems);
        for (var p : r.purposes()) {
            if (blank(p.name()) || blank(p.description()) || blank(p.plain()) || blank(p.plainBasis())
                    || isEmpty(p.lawfulBasis())) {
                problems.add("purpose " + p.id() + " needs a name, texts and a lawful basis");
            }
        }
        for (var c : r.dataCategories()) {
            if (blank(c.name()) || blank(c.description()) || blank(c.handling()) || blank(c.plain())
                    || (c.plainName() != null && c.plainName().isBlank())) {
                problems.add("data category " + c.id() + " needs a name and texts");
            }
            if (isEmpty(c.purposes()) || !purposes.containsAll(c.purposes())) {
                problems.add("data category " + c.id() + " must name known purposes");
            }
            if (c.measures() == null || !measures.containsAll(c.measures())) {
                problems.add("data category " + c.id() + " names an unknown measure");
            }
            problems.addAll(retentionProblems(c));
        }
        for (var m : r.measures()) {
            if (blank(m.name()) || blank(m.description()) || blank(m.plain())
                    || (m.plainName() != null && m.plainName().isBlank())) {
                problems.add("measure " + m.id() + " needs a name and texts");
            }
        }
        for (var right : r.rights()) {
            if (blank(right.article()) || blank(right.name()) || blank(right.description()) || blank(right.plain())
                    || right.endpoints() == null) {
                problems.add("right " + right.id() + " needs an article, a name, texts and an endpoint list");
            } else if (right.endpoints().stream().anyMatch(e -> blank(e.method()) || blank(e.path())
                    || blank(e.what()) || e.status() == null)) {
                problems.add("right " + right.id() + " has an endpoint without method, path, what or status");
            }
        }
        return problems;
    }

    /**
     * Every category names its limit: a positive period from a named event, erasure, or (for
     * pseudonymous records only) an explicit reason to keep them.
     */
    static List<String> retentionProblems(DataCategory c) {
        Retention retention = c.retention();
        String where = "retention of " + c.id();
        if (retention == null || retention.kind() == null) {
            return List.of(where + " is missing");
        }
        return switch (retention.kind()) {
            case PERIOD -> {
                if (blank(retention.from())) {
                    yield List.of(where + " must say from when its period counts");
                }
                Duration maxAge = maxAge(retention);
                yield maxAge == null || maxAge.isNegative() || maxAge.isZero()
                        ? List.of(where + " needs a positive ISO-8601 maxAge") : List.of();
            }
            case UNTIL_ERASURE -> retention.maxAge() != null ? List.of(where + " has a maxAge but is until-erasure")
                    : List.of();
            case KEPT -> {
                if (!c.pseudonymousOnly()) {
                    yield List.of(where + ": only pseudonymous categories may be kept without a limit");
                }
                yield blank(retention.note()) ? List.of(where + " must say why it is kept") : List.of();
            }
        };
    }

    /** The period of a {@link Retention.Kind#PERIOD} retention, null when unparsable or absent. */
    static Duration maxAge(Retention retention) {
        if (retention.maxAge() == null) {
            return null;
        }
        try {
            return Duration.parse(retention.maxAge());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static <T> Set<String> ids(Collection<T> items, Function<T, String> id, String what, List<String> problems) {
        Set<String> seen = new HashSet<>();
        for (T item : items) {
            String value = id.apply(item);
            if (blank(value) || !seen.add(value)) {
                problems.add(what + " ids must be present and unique: " + value);
            }
        }
        return seen;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean isEmpty(Collection<?> c) {
        return c == null || c.isEmpty();
    }
}
