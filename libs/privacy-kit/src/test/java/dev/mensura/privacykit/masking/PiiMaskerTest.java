package dev.mensura.privacykit.masking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The single-value rules, starting with the examples of the DSGVO baseline (section 1). */
class PiiMaskerTest {

    @Test
    void seedExamples() {
        assertThat(PiiMasker.cardNumber("4111 1111 1111 1234")).isEqualTo("**** **** **** 1234");
        assertThat(PiiMasker.phone("+49 170 1234567")).isEqualTo("+49 170 ****567");
        assertThat(PiiMasker.email("max.muster@gmail.com")).isEqualTo("m*********@gmail.com");
        assertThat(PiiMasker.name("Max Mustermann")).isEqualTo("M.M.");
        assertThat(PiiMasker.healthData("Knieproblem seit 3 Wochen")).isEqualTo("[HEALTH_DATA_REDACTED]");
        assertThat(PiiMasker.password("mein_passwort_123")).isEqualTo("****");
        assertThat(PiiMasker.ipv4("192.168.1.77")).isEqualTo("192.168.1.0");
        assertThat(PiiMasker.ipv6("2001:db8:85a3::8a2e:370:7334")).isEqualTo("2001:db8:85a3::8a2e:370:0");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "4111111111111111    | ************1111",
            "4111-1111-1111-1111 | ****-****-****-1111",
            "3782 822463 10005   | **** ****** *0005",
            "1234                | ****",
            "''                  | ''"})
    void cardKeepsLastFourAndSeparators(String in, String expected) {
        assertThat(PiiMasker.cardNumber(in)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0170 1234567        | 0170 ****567",
            "+49 (0)170 1234567  | +49 (0)170 ****567",
            "0049 170 1234567    | 0049 170 ****567",
            "(030) 12345678      | (030) *****678",
            "+491701234567       | +49*******567",
            "+1 555-123-4567     | +1 555-***-*567",
            "12345               | *****"})
    void phoneKeepsPrefixAndLastThree(String in, String expected) {
        assertThat(PiiMasker.phone(in)).isEqualTo(expected);
    }

    @Test
    void phoneAlwaysMasksAtLeastThreeDigitsEvenWithLongPrefixGroups() {
        String masked = PiiMasker.phone("+49 1701234 567");
        assertThat(masked.chars().filter(c -> c == '*').count()).isGreaterThanOrEqualTo(3);
        assertThat(masked).endsWith("567").doesNotContain("1701234");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a@b.de               | a@b.de",
            "jürgen.ß@example.org | j*******@example.org",
            "\"a@b\"@example.com  | \"****@example.com",
            "no-at-sign           | n*********",
            "@example.com         | @example.com"})
    void emailKeepsFirstCharacterAndDomain(String in, String expected) {
        assertThat(PiiMasker.email(in)).isEqualTo(expected);
    }

    @Test
    void emailStarsMatchTheLocalPartLength() {
        String local = "x".repeat(37);
        assertThat(PiiMasker.email(local + "@host.example"))
                .isEqualTo("x" + "*".repeat(36) + "@host.example");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Anna-Lena Schmidt     | A.L.S.",
            "  max   mustermann    | M.M.",
            "Ludwig van Beethoven  | L.V.B.",
            "Ömer Çelik            | Ö.Ç.",
            "Madonna               | M."})
    void nameBecomesInitials(String in, String expected) {
        assertThat(PiiMasker.name(in)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "Diabetes Typ 2", "BMI 31.4"})
    void healthDataAndPasswordsRevealNothing(String in) {
        assertThat(PiiMasker.healthData(in)).isEqualTo(PiiMasker.HEALTH_DATA_REDACTED);
        assertThat(PiiMasker.password(in)).isEqualTo(PiiMasker.PASSWORD_MASK);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "10.0.0.1          | 10.0.0.0",
            "255.255.255.255   | 255.255.255.0",
            " 8.8.4.4          | 8.8.4.0",
            "256.1.1.1         | [IP]",
            "1.2.3             | [IP]",
            "a.b.c.d           | [IP]"})
    void ipv4ZeroesTheLastOctet(String in, String expected) {
        assertThat(PiiMasker.ipv4(in)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2001:0DB8:0000:0000:0000:0000:0000:0001 | 2001:db8::",
            "2001:db8::1                             | 2001:db8::",
            "::1                                     | ::",
            "fe80::1ff:fe23:4567:890a%eth0           | fe80::1ff:fe23:4567:0",
            "2001:db8:0:0:1:0:0:1                    | 2001:db8:0:0:1::",
            "[2001:db8:1:2:3:4:5:6]                  | 2001:db8:1:2:3:4:5:0",
            "::ffff:192.168.1.77                     | ::ffff:192.168.1.0",
            "64:ff9b::192.0.2.33                     | 64:ff9b::c000:0",
            "2001:db8::1::2                          | [IP]",
            "12:30:45                                | [IP]",
            "2001:db8:1:2:3:4:5:6:7                  | [IP]"})
    void ipv6IsNormalisedAndLosesItsLastGroup(String in, String expected) {
        assertThat(PiiMasker.ipv6(in)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.82 Mobile Safari/537.36 | Chrome/Android",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1 | Safari/iOS",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0 | Firefox/Windows",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 | Chrome/macOS",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.67 | Edge/Windows",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/124.0.6367.88 Mobile/15E148 Safari/604.1 | Chrome/iOS",
            "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0 | Firefox/Linux",
            "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36 | SamsungInternet/Android",
            "curl/8.5.0 | Other/Other",
            "'' | Other/Other"})
    void userAgentIsReducedToBrowserAndOs(String in, String expected) {
        assertThat(PiiMasker.userAgent(in)).isEqualTo(expected).doesNotContainPattern("\\d");
    }

    @Test
    void nullInNullOut() {
        assertThat(PiiMasker.cardNumber(null)).isNull();
        assertThat(PiiMasker.phone(null)).isNull();
        assertThat(PiiMasker.email(null)).isNull();
        assertThat(PiiMasker.name(null)).isNull();
        assertThat(PiiMasker.ipv4(null)).isNull();
        assertThat(PiiMasker.ipv6(null)).isNull();
        assertThat(PiiMasker.userAgent(null)).isNull();
        assertThat(PiiMasker.maskText(null)).isNull();
    }
}
