package dev.mensura.edge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mensura.events.data.AuditRecord;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccessAttemptTest {
    private static final String CHROME = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/126.0.0.0 Mobile Safari/537.36";

    @Test
    void aDenialKeepsTheEndpointButNeitherTheJobNorTheAddressNorTheBrowserVersion() {
        AccessAttempt attempt = new AccessAttempt(403, "get", "/internal/keys/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde",
                "192.0.2.77", CHROME, "service-not-allowed", "fitting-service");
        AuditRecord record = attempt.toRecord(Instant.parse("2026-12-01T12:00:00Z"));
        assertThat(record.action()).isEqualTo("auth.denied");
        assertThat(record.outcome()).isEqualTo("denied");
        assertThat(record.actor()).isEqualTo("fitting-service");
        assertThat(record.resource()).isEqualTo("endpoint:/internal/keys");
        assertThat(record.details()).containsEntry("status", 403).containsEntry("method", "GET")
                .containsEntry("reason", "service-not-allowed").containsEntry("network", "v4-c00002");
        assertThat(String.valueOf(record.details().get("userAgent"))).doesNotContain("126").doesNotContain(" ");
        assertThat(record.toString()).doesNotContain("192.0.2").doesNotContain("AbCdEf");
    }

    @Test
    void aFailedAuthenticationIsAnonymousAndIpv6IsCutToItsSlash48() {
        AuditRecord record = new AccessAttempt(401, "POST", "/v1/jobs", "2001:db8:85a3:1:2:3:4:5", null, null,
                AccessAttempt.ANONYMOUS).toRecord(Instant.now());
        assertThat(record.action()).isEqualTo("auth.failed");
        assertThat(record.outcome()).isEqualTo("failure");
        assertThat(record.actor()).isEqualTo("anonymous");
        assertThat(record.resource()).isEqualTo("endpoint:/v1/jobs");
        assertThat(record.details()).containsEntry("network", "v6-20010db885a3").doesNotContainKey("reason");
    }

    @Test
    void oddPathsAndAddressesAreReducedNotCopied() {
        AccessAttempt odd = new AccessAttempt(401, "GET", "/v1/%2e%2e/../x y", "not an address", "", "Not A Slug!", "anonymous");
        assertThat(odd.endpoint()).isEqualTo("endpoint:/v1/other");
        assertThat(odd.network()).isEqualTo("unknown");
        assertThat(odd.toRecord(Instant.now()).details()).doesNotContainKey("reason");
    }
}
