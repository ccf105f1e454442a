package dev.mensura.privacy.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mensura.privacy.consent.Purpose;
import dev.mensura.privacy.records.ProcessingRecord.DataCategory;
import dev.mensura.privacy.records.ProcessingRecord.Retention;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What processing-activities.json must say, and what the loader refuses. */
class ProcessingRecordTest {
    private static final ProcessingRecord RECORD = ProcessingRecordLoader.load();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static DataCategory category(String id) {
        return RECORD.dataCategories().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void everyRetentionCategoryNamesALimit() {
        for (DataCategory c : RECORD.dataCategories()) {
            Retention r = c.retention();
            assertThat(ProcessingRecordLoader.retentionProblems(c)).as(c.id()).isEmpty();
            assertThat(r.kind()).as(c.id()).isNotNull();
            switch (r.kind()) {
                case PERIOD -> {
                    assertThat(ProcessingRecordLoader.maxAge(r)).as(c.id()).isPositive();
                    assertThat(r.from()).as(c.id()).isNotBlank();
                }
                case UNTIL_ERASURE -> assertThat(r.maxAge()).as(c.id()).isNull();
                // Only records that hold nothing but a pseudonym may stay, and they must say why.
                case KEPT -> {
                    assertThat(c.pseudonymousOnly()).as(c.id()).isTrue();
                    assertThat(r.note()).as(c.id()).isNotBlank();
                }
            }
            assertThat(RetentionWording.limit(r)).as(c.id()).isNotBlank();
            assertThat(RetentionWording.plainLimit(r)).as(c.id()).isNotBlank();
        }
    }

    @Test
    void retentionDefaultsAreTheBlueprints() {
        assertThat(ProcessingRecordLoader.maxAge(category("photos").retention()))
                .isLessThanOrEqualTo(Duration.ofSeconds(300));
        for (String result : new String[] {"landmarks", "measurements", "body-models"}) {
            assertThat(ProcessingRecordLoader.maxAge(category(result).retention())).as(result).isEqualTo(Duration.ofDays(30));
        }
        assertThat(ProcessingRecordLoader.maxAge(category("job-history").retention())).isEqualTo(Duration.ofDays(90));
        assertThat(category("consents").retention().kind()).isEqualTo(Retention.Kind.UNTIL_ERASURE);
        assertThat(category("audit-entries").retention().kind()).isEqualTo(Retention.Kind.KEPT);
    }

    @Test
    void personalContentIsEncryptedPerSubjectOrNeverStored() {
        assertThat(category("photos").measures()).contains("I1", "I2", "I3");
        for (String id : new String[] {"stated-height", "landmarks", "measurements", "body-models", "job-history"}) {
            assertThat(category(id).measures()).as(id).contains("I5");
        }
    }

    @Test
    void everyConsentPurposeIsInTheRecordAndNoOther() {
        var consentPurposes = Arrays.stream(Purpose.values()).map(Purpose::slug).collect(Collectors.toSet());
        var recorded = RECORD.purposes().stream().map(ProcessingRecord.Purpose::consentPurpose)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        assertThat(recorded).isEqualTo(consentPurposes);

        var bodyMeasurement = RECORD.purposes().stream().filter(p -> p.id().equals("body-measurement")).findFirst()
                .orElseThrow();
        assertThat(bodyMeasurement.lawfulBasis()).extracting(ProcessingRecord.LawfulBasis::article)
                .containsExactly("Art. 6(1)(a) GDPR", "Art. 9(2)(a) GDPR");
    }

    @Test
    void measuresCoverEveryInvariantAndTransport() {
        assertThat(RECORD.measures()).extracting(ProcessingRecord.Measure::id)
                .contains("I1", "I2", "I3", "I4", "I5", "I6", "I7", "TLS");
    }

    @Test
    void rightsCoverTheArticlesWithTheirEndpoints() {
        assertThat(RECORD.rights()).extracting(ProcessingRecord.Right::article)
                .contains("Art. 7(3)", "Art. 15", "Art. 16", "Art. 17", "Art. 18", "Art. 20", "Art. 77");
        var endpoints = RECORD.rights().stream().flatMap(r -> r.endpoints().stream())
                .map(e -> e.method() + " " + e.path()).collect(Collectors.toSet());
        assertThat(endpoints).contains("PUT /v1/subjects/me/consents/{purpose}", "GET /v1/subjects/me/consents",
                "DELETE /v1/subjects/me", "POST /v1/subjects/me/restriction", "DELETE /v1/subjects/me/restriction",
                "GET /v1/dsr/{id}", "GET /v1/subjects/me/export", "PATCH /v1/subjects/me");
    }

    @Test
    void nothingLeavesTheInstallationByDesign() {
        assertThat(RECORD.thirdCountryTransfers().transfers()).isEmpty();
        assertThat(RECORD.recipients().processors()).extracting(ProcessingRecord.Processor::name)
                .containsExactly("The operator's infrastructure");
    }

    @Test
    void aCategoryWithoutRetentionIsRefused() {
        assertRefused(root -> ((ObjectNode) root.get("dataCategories").get(2)).remove("retention"),
                "retention of landmarks is missing");
    }

    @Test
    void personalDataCannotBeKeptForever() {
        assertRefused(root -> ((ObjectNode) root.get("dataCategories").get(3).get("retention"))
                        .put("kind", "kept").remove(List.of("maxAge", "from")),
                "only pseudonymous categories may be kept");
    }

    @Test
    void aPeriodNeedsAPositiveDuration() {
        assertRefused(root -> ((ObjectNode) root.get("dataCategories").get(0).get("retention"))
                .put("maxAge", "five minutes"), "retention of photos needs a positive ISO-8601 maxAge");
    }

    @Test
    void referencesMustResolve() {
        assertRefused(root -> ((ObjectNode) root.get("dataCategories").get(0)).putArray("purposes").add("ads"),
                "data category photos must name known purposes");
        assertRefused(root -> ((ObjectNode) root.get("dataCategories").get(0)).putArray("measures").add("I9"),
                "data category photos names an unknown measure");
    }

    @Test
    void unknownFieldsAreRefusedNotIgnored() {
        assertThatThrownBy(() -> loadModified(root -> ((ObjectNode) root).put("retentionn", "typo")))
                .hasMessageContaining("retentionn");
    }

    private static void assertRefused(Consumer<ObjectNode> change, String problem) {
        assertThatThrownBy(() -> loadModified(change)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(problem);
    }

    private static ProcessingRecord loadModified(Consumer<ObjectNode> change) throws Exception {
        ObjectNode root;
        try (InputStream in = ProcessingRecordTest.class.getClassLoader()
                .getResourceAsStream(ProcessingRecordLoader.RESOURCE)) {
            root = (ObjectNode) JSON.readTree(in);
        }
        change.accept(root);
        return ProcessingRecordLoader.load(new ByteArrayInputStream(JSON.writeValueAsBytes(root)));
    }
}
