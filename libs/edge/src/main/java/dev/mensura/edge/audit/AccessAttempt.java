package dev.mensura.edge.audit;

import dev.mensura.edge.ratelimit.ClientKey;
import dev.mensura.events.data.AuditRecord;
import dev.mensura.privacykit.masking.PiiMasker;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A refused request, reduced to what an audit entry may hold. The network is written as hex
 * ({@code v4-c00002} for 192.0.2.0/24): the audit log refuses anything that looks like an address,
 * and a /24 or /48 prefix is all a log may keep of one anyway.
 */
record AccessAttempt(int status, String method, String path, String remoteAddress, String userAgent,
                     String refusalReason, String caller) {
    static final String ANONYMOUS = "anonymous";
    static final String SUBJECT = "subject";
    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_.-]{1,40}");
    private static final Pattern DETAIL_TEXT = Pattern.compile("[^A-Za-z0-9_./+=-]");

    AuditRecord toRecord(Instant now) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("status", status);
        details.put("method", method == null ? "unknown" : method.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", ""));
        if (refusalReason != null && SLUG.matcher(refusalReason).matches()) {
            details.put("reason", refusalReason);
        }
        details.put("network", network());
        details.put("userAgent", DETAIL_TEXT.matcher(PiiMasker.userAgent(userAgent == null ? "" : userAgent))
                .replaceAll("-"));
        return new AuditRecord(now, caller, status == 401 ? "auth.failed" : "auth.denied", endpoint(),
                status == 401 ? "failure" : "denied", null, details);
    }

    /**
     * The first two path segments ({@code /v1/jobs}, {@code /internal/keys}): which endpoint, never
     * which job or subject.
     */
    String endpoint() {
        StringBuilder out = new StringBuilder("endpoint:");
        int taken = 0;
        for (String segment : (path == null ? "" : path).split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (taken == 2) {
                break;
            }
            out.append('/').append(SEGMENT.matcher(segment).matches() ? segment : "other");
            taken++;
        }
        return taken == 0 ? "endpoint:/" : out.toString();
    }

    /** {@code v4-c00002} (a /24) or {@code v6-20010db885a3} (a /48), or {@code unknown}. */
    String network() {
        byte[] prefix = ClientKey.prefix(remoteAddress);
        if (prefix == null) {
            return "unknown";
        }
        return (prefix.length == 3 ? "v4-" : "v6-") + java.util.HexFormat.of().formatHex(prefix);
    }
}
