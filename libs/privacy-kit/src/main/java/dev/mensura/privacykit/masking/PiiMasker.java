package dev.mensura.privacykit.masking;

import java.util.ArrayList;
import java.util.List;

/**
 * The masking rules for anything that may reach logs, metrics or traces (invariant I6; rules
 * from the DSGVO baseline, section 1).
 *
 * <p>All methods are null-safe: {@code null} in gives {@code null} out, except
 * {@link #healthData} and {@link #password}, whose output is a constant so that it reveals
 * nothing, not even whether a value was present. No method throws on odd input; where input
 * cannot be interpreted, the result reveals less, never more.
 */
public final class PiiMasker {

    /** Health data (GDPR Art. 9) is never logged, not even partly. */
    public static final String HEALTH_DATA_REDACTED = "[HEALTH_DATA_REDACTED]";
    /** Passwords are replaced entirely; a fixed width hides their length. */
    public static final String PASSWORD_MASK = "****";
    /** What {@link #ipv4} and {@link #ipv6} return for input that is not an address. */
    public static final String INVALID_IP = "[IP]";

    private PiiMasker() {
    }

    /**
     * Keeps the last four digits and every separator: {@code "4111 1111 1111 1234"} becomes
     * {@code "**** **** **** 1234"}. With four digits or fewer everything is masked, since
     * "the last four" would be the whole value.
     */
    public static String cardNumber(String value) {
        if (value == null) {
            return null;
        }
        int digits = countDigits(value);
        return maskDigits(value, 0, digits > 4 ? 4 : 0);
    }

    /**
     * Keeps the country code and area/network prefix and the last three digits:
     * {@code "+49 170 1234567"} becomes {@code "+49 170 ****567"}; {@code "0170 1234567"}
     * becomes {@code "0170 ****567"}. At least three digits are always masked; numbers of six
     * digits or fewer are masked completely.
     */
    public static String phone(String value) {
        if (value == null) {
            return null;
        }
        int digits = countDigits(value);
        if (digits <= 6) {
            return maskDigits(value, 0, 0);
        }
        int prefix = Math.min(phonePrefixDigits(value), digits - 6);
        return maskDigits(value, prefix, 3);
    }

    /**
     * First character of the local part, one '*' per further character, domain unchanged:
     * {@code "max.muster@gmail.com"} becomes {@code "m*********@gmail.com"}.
     */
    public static String email(String value) {
        if (value == null) {
            return null;
        }
        int at = value.lastIndexOf('@');
        String local = at >= 0 ? value.substring(0, at) : value;
        String domain = at >= 0 ? value.substring(at) : "";
        if (local.isEmpty()) {
            return domain;
        }
        int first = local.codePointAt(0);
        int rest = local.codePointCount(0, local.length()) - 1;
        return new StringBuilder(value.length())
                .appendCodePoint(first).append("*".repeat(rest)).append(domain).toString();
    }

    /**
     * Initials: {@code "Max Mustermann"} becomes {@code "M.M."}; parts are separated by
     * whitespace or hyphens ({@code "Anna-Lena Schmidt"} gives {@code "A.L.S."}).
     */
    public static String name(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder initials = new StringBuilder();
        for (String part : value.split("[\\s\\-]+")) {
            part.codePoints().filter(Character::isLetter).findFirst().ifPresent(cp ->
                    initials.appendCodePoint(Character.toUpperCase(cp)).append('.'));
        }
        return initials.toString();
    }

    /** Health data is never logged: always {@value #HEALTH_DATA_REDACTED}. */
    public static String healthData(Object ignored) {
        return HEALTH_DATA_REDACTED;
    }

    /** Always {@value #PASSWORD_MASK}, whatever the password (or its absence). */
    public static String password(Object ignored) {
        return PASSWORD_MASK;
    }

    /** Zeroes the last octet: {@code "192.168.1.77"} becomes {@code "192.168.1.0"}. */
    public static String ipv4(String value) {
        if (value == null) {
            return null;
        }
        int[] o = IpAddresses.parseIpv4(value.strip());
        if (o == null) {
            return INVALID_IP;
        }
        return o[0] + "." + o[1] + "." + o[2] + ".0";
    }

    /**
     * Normalises (RFC 5952: lower case, compressed) and zeroes the last 16-bit group:
     * {@code "2001:db8:85a3::8a2e:370:7334"} becomes {@code "2001:db8:85a3::8a2e:370:0"}.
     * IPv4-mapped addresses ({@code ::ffff:a.b.c.d}) get the IPv4 rule instead, since they are
     * IPv4 clients. Zone ids are dropped.
     */
    public static String ipv6(String value) {
        if (value == null) {
            return null;
        }
        int[] g = IpAddresses.parseIpv6(value.strip());
        if (g == null) {
            return INVALID_IP;
        }
        if (IpAddresses.isIpv4Mapped(g)) {
            return "::ffff:" + (g[6] >> 8) + "." + (g[6] & 0xff) + "." + (g[7] >> 8) + ".0";
        }
        g[7] = 0;
        return IpAddresses.format(g);
    }

    /**
     * Browser and OS family only, no versions: e.g. {@code "Chrome/Android"},
     * {@code "Safari/iOS"}, {@code "Firefox/Windows"}, {@code "Other/Other"}.
     */
    public static String userAgent(String value) {
        if (value == null) {
            return null;
        }
        return UserAgents.reduce(value);
    }

    /**
     * Finds and masks PII in free text: e-mail addresses, Luhn-valid card numbers (13-19
     * digits, spaces or dashes allowed), phone numbers (international and common national
     * forms), IPv4/IPv6 addresses, JWT-like tokens ({@code [TOKEN]}) and absolute paths under
     * {@code /dev/shm} or a registered prefix ({@code [PATH]}). Names and health data cannot be
     * recognised in free text; code must not put them into messages in the first place.
     *
     * <p>Never throws: if masking fails unexpectedly, the whole text is withheld.
     */
    public static String maskText(String freeText) {
        if (freeText == null || freeText.isEmpty()) {
            return freeText;
        }
        try {
            return TextScanner.mask(freeText);
        } catch (RuntimeException | StackOverflowError e) {
            return "[TEXT_WITHHELD: masking failed]";
        }
    }

    /**
     * Registers a directory whose absolute paths {@link #maskText} replaces with {@code [PATH]}
     * (the ingest service registers its upload directory, since a photo's path identifies a
     * job and must not be logged). {@code /dev/shm} is always registered. Relative paths are
     * also registered in their absolute, normalised form.
     *
     * @throws IllegalArgumentException if {@code prefix} is null or blank
     */
    public static void registerSensitivePathPrefix(String prefix) {
        TextScanner.registerPathPrefix(prefix);
    }

    private static int countDigits(String value) {
        int n = 0;
        for (int i = 0; i < value.length(); i++) {
            if (Character.isDigit(value.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    /** Replaces every digit by '*' except the first {@code keepLeading} and last {@code keepTrailing}. */
    private static String maskDigits(String value, int keepLeading, int keepTrailing) {
        int total = countDigits(value);
        StringBuilder out = new StringBuilder(value.length());
        int seen = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isDigit(c)) {
                boolean visible = seen < keepLeading || seen >= total - keepTrailing;
                out.append(visible ? c : '*');
                seen++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * How many leading digits of a phone number are the (non-identifying) prefix: country code
     * plus area/network code for international numbers, the area code for national ones, as
     * far as grouping shows them; for ungrouped numbers a conservative guess.
     */
    private static int phonePrefixDigits(String value) {
        String v = value.strip();
        List<String> groups = new ArrayList<>();
        for (String g : v.split("[\\s./-]+")) {
            if (!g.isEmpty() && countDigits(g) > 0) {
                groups.add(g);
            }
        }
        boolean international = v.startsWith("+") || v.startsWith("00");
        int wanted = international ? 2 : 1;
        if (groups.size() > wanted) {
            return digitsIn(groups.subList(0, wanted));
        }
        if (international && groups.size() == 2) {
            return digitsIn(groups.subList(0, 1));
        }
        if (international) {
            return v.startsWith("+") ? 2 : 4; // "+49..." or "0049...": the country code
        }
        return v.startsWith("0") ? 4 : 0; // trunk 0 plus a typical area code
    }

    private static int digitsIn(List<String> groups) {
        int n = 0;
        for (String g : groups) {
            n += countDigits(g);
        }
        return n;
    }
}
