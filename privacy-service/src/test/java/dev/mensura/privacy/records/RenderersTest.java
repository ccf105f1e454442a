package dev.mensura.privacy.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mensura.privacy.records.PrivacyNotice.Item;
import dev.mensura.privacy.records.PrivacyNotice.Section;
import dev.mensura.privacy.records.ProcessingRecord.Controller;
import dev.mensura.privacy.records.ProcessingRecord.DataCategory;
import dev.mensura.privacy.records.ProcessingRecord.Endpoint;
import dev.mensura.privacy.records.ProcessingRecord.Right;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Both documents say everything the record holds, each in its own register. */
class RenderersTest {
    private static final ProcessingRecord RECORD = ProcessingRecordLoader.load();
    private static final String VERSION = "2026-11";
    private static final String ART30 = new Art30Renderer().render(RECORD, VERSION);
    private static final PrivacyNotice NOTICE = new PrivacyNoticeRenderer().notice(RECORD, VERSION);
    private static final String NOTICE_MD = new PrivacyNoticeRenderer().markdown(NOTICE);

    @Test
    void art30HasEverySectionOfTheArticleInOrder() {
        assertThat(ART30).containsSubsequence("(Art. 30(1)(a))", "(Art. 30(1)(b))", "(Art. 30(1)(c))",
                "(Art. 30(1)(d))", "(Art. 30(1)(e))", "(Art. 30(1)(f))", "(Art. 30(1)(g)");
        assertThat(ART30).contains(RECORD.controller().name(), RECORD.controller().contact(), "`" + VERSION + "`");
    }

    @Test
    void art30StatesEveryCategoryWithItsLimitAndEveryMeasureAndEndpoint() {
        for (DataCategory c : RECORD.dataCategories()) {
            assertThat(ART30).contains("### " + c.name() + " (`" + c.id() + "`)");
            assertThat(ART30).contains("| " + c.name() + " | " + RetentionWording.limit(c.retention()) + " |");
        }
        RECORD.measures().forEach(m -> assertThat(ART30).contains("| " + m.id() + " | " + m.name() + " |"));
        for (Right r : RECORD.rights()) {
            for (Endpoint e : r.endpoints()) {
                assertThat(ART30).contains("`" + e.method() + " " + e.path() + "`");
            }
        }
        assertThat(ART30).contains("`GET /v1/subjects/me/export` everything held about the subject, as a zip")
                .doesNotContain("(announced)");
        assertThat(ART30).contains("at most 300 seconds after upload", "at most 30 days after the job",
                "at most 90 days after the job");
    }

    @Test
    void noticeMentionsEveryPurposeAndEveryRight() {
        for (var p : RECORD.purposes()) {
            assertThat(NOTICE_MD).contains(p.name(), p.plain());
            p.lawfulBasis().forEach(b -> assertThat(NOTICE_MD).contains(b.article()));
        }
        for (Right r : RECORD.rights()) {
            assertThat(NOTICE_MD).contains("**" + r.name() + " (" + r.article() + " GDPR):** " + r.plain());
        }
    }

    @Test
    void noticeSaysHowLongEveryCategoryIsKept() {
        for (DataCategory c : RECORD.dataCategories()) {
            assertThat(NOTICE_MD).contains("**" + PrivacyNoticeRenderer.label(c.plainName(), c.name()) + ":** "
                    + c.plain() + " Kept "
                    + RetentionWording.plainLimit(c.retention()) + ".");
        }
        assertThat(NOTICE_MD).contains("at most 300 seconds (5 minutes) after upload");
    }

    @Test
    void noticeSpeaksToTheUserWithoutLegalTerms() {
        assertThat(NOTICE_MD).contains("your photos", "You can");
        assertThat(NOTICE_MD.toLowerCase()).doesNotContain("data subject", "data-subject", "controller", "processor",
                "lawful basis", "art. 30", "pseudonym", "crypto-shredding", "tmpfs", "aead");
        assertThat(NOTICE.policyVersion()).isEqualTo(VERSION);
        assertThat(NOTICE_MD).contains("Version " + VERSION + ".");
    }

    @Test
    void rightsThatAreOnlyAnnouncedAreNotPresentedAsWorking() throws Exception {
        for (String right : new String[] {"Data portability (Art. 20 GDPR)", "Erasure (Art. 17 GDPR)",
                "Access (Art. 15 GDPR)"}) {
            assertThat(item(NOTICE, "rights", right).text()).as(right).doesNotContain("Coming soon");
        }
        // A right whose endpoints are only announced says so, in both documents.
        ProcessingRecord announced;
        try (var in = RenderersTest.class.getClassLoader().getResourceAsStream(ProcessingRecordLoader.RESOURCE)) {
            announced = ProcessingRecordLoader.load(new java.io.ByteArrayInputStream(new String(in.readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8).replace("\"machine-readable export (zip)\", \"status\": \"available\"",
                    "\"machine-readable export (zip)\", \"status\": \"announced\"").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        var notice = new PrivacyNoticeRenderer().notice(announced, VERSION);
        assertThat(item(notice, "rights", "Data portability (Art. 20 GDPR)").text()).endsWith("Coming soon.");
        assertThat(new Art30Renderer().render(announced, VERSION)).contains("machine-readable export (zip) (announced)");
    }

    @Test
    void jsonAndMarkdownCarryTheSameSections() {
        for (Section s : NOTICE.sections()) {
            assertThat(NOTICE_MD).contains("## " + s.heading());
            s.paragraphs().forEach(p -> assertThat(NOTICE_MD).contains(p));
        }
    }

    @Test
    void anInstallationsOwnControllerReplacesThePlaceholder() {
        ProcessingRecord own = RECORD.withController(new Controller("Acme Tailoring GmbH", "privacy@acme.example", null));
        String art30 = new Art30Renderer().render(own, VERSION);
        String notice = new PrivacyNoticeRenderer().markdown(own, VERSION);
        assertThat(art30).contains("| Controller | Acme Tailoring GmbH |").doesNotContain("Data protection officer");
        assertThat(notice).contains("Acme Tailoring GmbH is responsible for your data.", "Contact: privacy@acme.example.")
                .doesNotContain(RECORD.controller().name());
    }

    @Test
    void renderingIsStableAndPlainText() {
        assertThat(new Art30Renderer().render(RECORD, VERSION)).isEqualTo(ART30);
        for (String doc : new String[] {ART30, NOTICE_MD}) {
            assertThat(doc).endsWith("\n").doesNotEndWith("\n\n").doesNotContain("\r", "\n\n\n", "null");
        }
    }

    @Test
    void durationsReadNaturally() {
        assertThat(RetentionWording.duration(Duration.ofSeconds(300), true)).isEqualTo("300 seconds (5 minutes)");
        assertThat(RetentionWording.duration(Duration.ofSeconds(300), false)).isEqualTo("300 seconds");
        assertThat(RetentionWording.duration(Duration.ofDays(1), false)).isEqualTo("1 day");
        assertThat(RetentionWording.duration(Duration.ofHours(36), false)).isEqualTo("36 hours");
    }

    private static Item item(PrivacyNotice notice, String section, String label) {
        return notice.sections().stream().filter(s -> s.id().equals(section)).flatMap(s -> s.items().stream())
                .filter(i -> label.equals(i.label())).findFirst().orElseThrow();
    }
}
