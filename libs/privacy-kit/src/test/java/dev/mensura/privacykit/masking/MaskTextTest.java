package dev.mensura.privacykit.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Finding PII in free text: what must be masked, and what must be left alone. */
class MaskTextTest {

    /** Well-known test card numbers (Visa, Mastercard, Amex, Discover); all Luhn-valid. */
    private static final String[] TEST_CARDS = {
            "4111 1111 1111 1111", "5500-0000-0000-0004", "378282246310005", "6011111111111117"};

    @Test
    void logLineWithSeveralKindsOfPii() {
        String token = jwt();
        String line = "upload failed for max.muster@gmail.com from 192.168.1.77 / 2001:db8:85a3::8a2e:370:7334"
                + " phone +49 170 1234567 card 4111 1111 1111 1111 file /dev/shm/mensura/job-42/front.jpg"
                + " auth Bearer " + token;

        String masked = PiiMasker.maskText(line);

        assertThat(masked)
                .contains("m*********@gmail.com", "192.168.1.0", "2001:db8:85a3::8a2e:370:0",
                        "+49 170 ****567", "**** **** **** 1111", "file [PATH]", "Bearer [TOKEN]")
                .doesNotContain("max.muster", "192.168.1.77", "7334", "1234567",
                        "4111 1111 1111 1111", "/dev/shm", "front.jpg", token)
                .startsWith("upload failed for ");
    }

    @Test
    void everyKnownTestCardIsMaskedToItsLastFour() {
        for (String card : TEST_CARDS) {
            String masked = PiiMasker.maskText("paid with " + card + ", thanks");
            String digits = card.replaceAll("\\D", "");
            assertThat(masked).doesNotContain(card)
                    .contains(digits.substring(digits.length() - 4) + ", thanks")
                    .doesNotContainPattern("\\d{5}");
        }
    }

    @Test
    void randomLuhnValidNumbersAreMaskedAndTheirNeighboursAreNot() {
        Random random = new Random(20240501L);
        for (int i = 0; i < 200; i++) {
            String card = luhnValid(random, 13 + random.nextInt(7));
            String invalid = breakLuhn(card);
            String masked = PiiMasker.maskText("a " + card + " b " + invalid + " c");
            assertThat(masked).as("case %d", i)
                    .doesNotContain(card)
                    .contains("*".repeat(card.length() - 4) + card.substring(card.length() - 4))
                    .contains(" b " + invalid + " c");
        }
    }

    @Test
    void luhnRejectsNumbersThatAreNotCards() {
        assertThat(Luhn.isValid("4111111111111111")).isTrue();
        assertThat(Luhn.isValid("4111111111111112")).isFalse();
        assertThat(Luhn.isValid("1234567890123")).isFalse();
        assertThat(Luhn.isValid("")).isFalse();
        assertThat(Luhn.isValid("41111111111111a1")).isFalse();
        // Luhn-invalid 16-digit numbers (order ids, epoch micros) stay readable.
        assertThat(PiiMasker.maskText("order 4111 1111 1111 1112 shipped"))
                .isEqualTo("order 4111 1111 1111 1112 shipped");
    }

    @Test
    void cardFollowedByCvvIsStillFound() {
        assertThat(PiiMasker.maskText("card 4111111111111111 123"))
                .isEqualTo("card ************1111 123");
    }

    @Test
    void phoneNumbersInNationalAndInternationalForms() {
        assertThat(PiiMasker.maskText("call 0170 7654321 or +44 20 7946 0958 or (030) 1234567 or 555-123-4567"))
                .contains("0170 ****321", "(030) ****567", "555-***-*567")
                .doesNotContain("7654321", "7946 0958", "1234567", "123-4567")
                .contains("+44 20 ");
    }

    @Test
    void ipv6AtTheEndOfASentenceAndInBrackets() {
        assertThat(PiiMasker.maskText("client 2001:db8::7334."))
                .isEqualTo("client 2001:db8::.");
        assertThat(PiiMasker.maskText("peer [fe80::1ff:fe23:4567:890a]:8443"))
                .isEqualTo("peer [fe80::1ff:fe23:4567:0]:8443");
        assertThat(PiiMasker.maskText("mapped ::ffff:10.1.2.3 ok"))
                .isEqualTo("mapped ::ffff:10.1.2.0 ok");
    }

    @Test
    void ordinaryOperationalTextIsLeftAlone() {
        String uuid = UUID.nameUUIDFromBytes("job".getBytes(StandardCharsets.UTF_8)).toString();
        String line = "job " + uuid + " stage=vision progress=0.75 took 1234567 ns at 12:30:45.123"
                + " on 2024-05-01, 3 of 5 photos, version 3.33.4, size 10485760 bytes";
        assertThat(PiiMasker.maskText(line)).isEqualTo(line);
    }

    @Test
    void pathsUnderDevShmAndRegisteredPrefixes() {
        String upload = "/var/lib/mensura-test-" + UUID.randomUUID();
        String line = "wrote " + upload + "/abc.jpg and /dev/shm/x/y.png; kept /dev/shmfoo and /etc/hosts";

        assertThat(PiiMasker.maskText(line)).contains(upload, "[PATH]; kept");

        PiiMasker.registerSensitivePathPrefix(upload + "/");
        assertThat(PiiMasker.maskText(line))
                .isEqualTo("wrote [PATH] and [PATH]; kept /dev/shmfoo and /etc/hosts");
        assertThat(PiiMasker.maskText("dir=" + upload)).isEqualTo("dir=[PATH]");
        assertThat(PiiMasker.maskText("file://" + upload + "/a b.jpg")).isEqualTo("file://[PATH] b.jpg");
    }

    @Test
    void blankPrefixIsRejected() {
        assertThatThrownBy(() -> PiiMasker.registerSensitivePathPrefix(" "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PiiMasker.registerSensitivePathPrefix(null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tokensAreReplacedWhole() {
        String token = jwt();
        assertThat(PiiMasker.maskText("token=" + token + "&x=1")).isEqualTo("token=[TOKEN]&x=1");
        // Not a JWT: needs three segments.
        assertThat(PiiMasker.maskText("eyJhbGciOi.only-two")).isEqualTo("eyJhbGciOi.only-two");
    }

    @Test
    void maskingIsIdempotent() {
        String once = PiiMasker.maskText("a@b.example +49 170 1234567 10.0.0.9 4111111111111111 ::1");
        assertThat(PiiMasker.maskText(once)).isEqualTo(once);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "@", "@@@.", "+", "::", ":::::::::", "eyJ..", "1.2.3.4.5.6",
            "\u0000\uFFFF", "((((((((((", "0"})
    void oddInputNeverThrows(String odd) {
        assertThatCode(() -> PiiMasker.maskText(odd)).doesNotThrowAnyException();
        assertThatCode(() -> PiiMasker.phone(odd)).doesNotThrowAnyException();
        assertThatCode(() -> PiiMasker.email(odd)).doesNotThrowAnyException();
        assertThatCode(() -> PiiMasker.ipv6(odd)).doesNotThrowAnyException();
        assertThatCode(() -> PiiMasker.userAgent(odd)).doesNotThrowAnyException();
        assertThatCode(() -> PiiMasker.name(odd)).doesNotThrowAnyException();
    }

    @Test
    void hugeAdversarialInputsFinishAndStayMasked() {
        String digits = "1 ".repeat(200_000);
        String colons = "a:".repeat(200_000);
        String at = "a.".repeat(200_000) + "@";
        for (String s : new String[] {digits, colons, at}) {
            assertThatCode(() -> PiiMasker.maskText(s + " x@y.example")).doesNotThrowAnyException();
            assertThat(PiiMasker.maskText(s + " x@y.example")).endsWith(" x@y.example");
        }
        assertThat(PiiMasker.maskText(colons + " mail me: max@x.example")).endsWith("m**@x.example");
    }

    // --- helpers -------------------------------------------------------------------------

    private static String jwt() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"sub\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8));
        byte[] sig = new byte[32];
        new Random().nextBytes(sig);
        return header + "." + payload + "." + b64.encodeToString(sig);
    }

    /** Independent Luhn implementation: appends the check digit to random digits. */
    private static String luhnValid(Random random, int length) {
        int[] d = new int[length];
        d[0] = 1 + random.nextInt(9);
        for (int i = 1; i < length - 1; i++) {
            d[i] = random.nextInt(10);
        }
        int sum = 0;
        for (int i = length - 2, k = 0; i >= 0; i--, k++) {
            int v = k % 2 == 0 ? d[i] * 2 : d[i];
            sum += v > 9 ? v - 9 : v;
        }
        d[length - 1] = (10 - sum % 10) % 10;
        StringBuilder sb = new StringBuilder();
        for (int v : d) {
            sb.append(v);
        }
        return sb.toString();
    }

    /** Changing only the check digit always breaks Luhn. */
    private static String breakLuhn(String card) {
        int last = card.charAt(card.length() - 1) - '0';
        return card.substring(0, card.length() - 1) + ((last + 1) % 10);
    }
}
