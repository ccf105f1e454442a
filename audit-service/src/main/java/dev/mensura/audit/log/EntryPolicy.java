package dev.mensura.audit.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mensura.privacykit.masking.PiiMasker;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the log accepts (I6): who (a service, or a subject or officer by pseudonym), what (an
 * action slug), on what (a resource path of slugs and pseudonyms), the outcome, and details that
 * are integers, booleans or slugs. No free text, so no room for a name, an e-mail, a height or a
 * path; every string is also passed through the PII masker and refused if it would be masked.
 */
public final class EntryPolicy {
    static final Set<String> FIELDS = Set.of("time", "actor", "action", "resource", "outcome", "correlationId",
            "details", "eventId");
    private static final Pattern PSEUDONYM = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern SERVICE = Pattern.compile("[a-z][a-z0-9-]{1,62}");
    private static final Pattern ACTOR = Pattern.compile("[a-z][a-z0-9-]{1,62}|((officer|subject):)?[A-Za-z0-9_-]{43}");
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9.-]{1,79}");
    private static final Pattern RESOURCE = Pattern.compile("[A-Za-z0-9_.:/=-]{1,256}");
    private static final Pattern OUTCOME = Pattern.compile("success|failure|denied");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");
    private static final Pattern SOURCE = Pattern.compile("/[A-Za-z0-9_./-]{1,127}");
    private static final Pattern DETAIL_KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9]{0,40}");
    private static final Pattern DETAIL_TEXT = Pattern.compile("[A-Za-z0-9_.:/+=-]{0,128}");
    private static final int MAX_DETAILS = 16;
    private static final Pattern UUID_TOKEN =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern PSEUDONYM_TOKEN = Pattern.compile("(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])");

    private EntryPolicy() {
    }

    /**
     * The entry for an audit record (an {@code AuditRecord} as JSON) from {@code source} with the
     * event id that makes appending it idempotent.
     *
     * @throws EntryRejectedException saying which rule the record broke
     */
    public static AuditEntry accept(String eventId, String source, JsonNode record) {
        if (record == null || !record.isObject()) {
            throw new EntryRejectedException("An audit record is a JSON object.");
        }
        for (Iterator<String> names = record.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new EntryRejectedException("Unknown field '" + safe(name) + "'.");
            }
        }
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("eventId", require(eventId, ID, "eventId"));
        entry.put("source", require(source, SOURCE, "source"));
        entry.put("time", time(record.get("time")));
        entry.put("actor", require(text(record, "actor"), ACTOR, "actor"));
        entry.put("action", require(text(record, "action"), ACTION, "action"));
        entry.put("resource", require(text(record, "resource"), RESOURCE, "resource"));
        entry.put("outcome", require(text(record, "outcome"), OUTCOME, "outcome"));
        JsonNode correlation = record.get("correlationId");
        if (correlation != null && !correlation.isNull()) {
            entry.put("correlationId", require(correlation.isTextual() ? correlation.textValue() : null, ID,
                    "correlationId"));
        }
        entry.set("details", details(record.get("details")));
        return AuditEntry.of(eventId, entry);
    }

    /** Whether {@code name} is a service name as the service tokens carry it. */
    static boolean isServiceName(String name) {
        return name != null && SERVICE.matcher(name).matches();
    }

    private static ObjectNode details(JsonNode details) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (details == null || details.isNull()) {
            return out;
        }
        if (!details.isObject() || details.size() > MAX_DETAILS) {
            throw new EntryRejectedException("details is an object of at most " + MAX_DETAILS + " facts.");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = details.fields(); it.hasNext(); ) {
            var fact = it.next();
            if (!DETAIL_KEY.matcher(fact.getKey()).matches()) {
                throw new EntryRejectedException("A detail's name is a camelCase word.");
            }
            JsonNode value = fact.getValue();
            if (value.isIntegralNumber() || value.isBoolean()) {
                out.set(fact.getKey(), value);
            } else if (value.isTextual()) {
                out.put(fact.getKey(), detailText(value.textValue()));
            } else if (value.isArray() && value.size() <= MAX_DETAILS) {
                var array = out.putArray(fact.getKey());
                for (JsonNode item : value) {
                    if (!item.isTextual()) {
                        throw new EntryRejectedException("A detail list holds slugs only.");
                    }
                    array.add(detailText(item.textValue()));
                }
            } else {
                throw new EntryRejectedException("A detail is an integer, a boolean, a slug or a list of slugs.");
            }
        }
        return out;
    }

    private static String detailText(String value) {
        if (!DETAIL_TEXT.matcher(value).matches()) {
            throw new EntryRejectedException("A detail's text is a slug (letters, digits, '_.:/+=-'), not free text.");
        }
        return noPersonalData(value);
    }

    private static String require(String value, Pattern pattern, String field) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new EntryRejectedException("'" + field + "' is missing or not in its allowed form.");
        }
        return noPersonalData(value);
    }

    /**
     * The masker knows the shapes of personal data (e-mail, phone, card, IP, token, photo path).
     * Identifiers the log is made of (UUIDs, pseudonyms) are set aside first: their digit groups
     * can look like a phone number to it, and they are by construction not personal data.
     */
    private static String noPersonalData(String value) {
        String residue = PSEUDONYM_TOKEN.matcher(UUID_TOKEN.matcher(value).replaceAll("id")).replaceAll("id");
        if (!residue.equals(PiiMasker.maskText(residue))) {
            throw new EntryRejectedException("A value looks like personal data (I6); audit entries never carry any.");
        }
        return value;
    }

    private static String text(JsonNode record, String field) {
        JsonNode value = record.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static String time(JsonNode value) {
        if (value == null || !value.isTextual()) {
            throw new EntryRejectedException("'time' is an ISO-8601 instant.");
        }
        try {
            return Instant.parse(value.textValue()).toString();
        } catch (DateTimeParseException e) {
            throw new EntryRejectedException("'time' is an ISO-8601 instant.");
        }
    }

    private static String safe(String name) {
        return name.length() > 40 || !DETAIL_KEY.matcher(name).matches() ? "(unprintable)" : name;
    }
}
