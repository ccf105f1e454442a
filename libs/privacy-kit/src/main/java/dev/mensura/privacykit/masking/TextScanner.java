package dev.mensura.privacykit.masking;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds PII in free text (log messages, exception messages) and masks it with the
 * {@link PiiMasker} rules.
 *
 * <p>Design choices, because this runs on every log line of every service:
 * <ul>
 *   <li>Patterns are bounded or possessive so that no input can make them backtrack
 *       exponentially or recurse deeply; candidates are then validated in code (Luhn, IP
 *       syntax, digit counts), which is simpler to get right than one perfect regex.</li>
 *   <li>Order matters: tokens and paths first (they contain e-mail- and number-like parts),
 *       cards before phones (both are digit runs), IPv6 before IPv4 (mapped addresses).</li>
 *   <li>When in doubt, mask: a masked version number is a cosmetic loss, a leaked phone
 *       number is a breach.</li>
 * </ul>
 */
final class TextScanner {

    private TextScanner() {
    }

    /** Three base64url segments, the first starting with eyJ ("{\"" encoded): a JWT/JWS. */
    private static final Pattern TOKEN = Pattern.compile(
            "(?<![\\w-])eyJ[A-Za-z0-9_-]{2,}+\\.[A-Za-z0-9_-]{2,}+\\.[A-Za-z0-9_-]*+");

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+'-])[\\p{L}\\p{N}._%+'-]++@"
                    + "(?:[\\p{L}\\p{N}-]{1,63}\\.){1,8}\\p{L}{2,24}(?![\\p{L}\\p{N}-])");

    /**
     * Digit groups joined by single spaces or dashes; Luhn decides which part is a card. Not
     * after a word character, '+', '.' or '-', so that digits inside identifiers (UUIDs,
     * base64url pseudonyms), decimals and phone numbers are not taken apart.
     */
    private static final Pattern DIGIT_RUN = Pattern.compile(
            "(?<![\\w+.-])(?=[\\d -]{13})\\d{1,19}+(?:[ -]\\d{1,19}+){0,9}(?![\\w])");

    /** IPv6 candidates (hex, colons, dots, optional zone); IpAddresses decides. */
    private static final Pattern IPV6 = Pattern.compile(
            "(?<![\\w:.])(?=[0-9A-Fa-f.]*+:)[0-9A-Fa-f:.]{2,45}+(?:%[\\w.-]{1,32}+)?+(?![\\w:])");

    private static final Pattern IPV4 = Pattern.compile(
            "(?<![\\w.])(?:\\d{1,3}\\.){3}\\d{1,3}(?![\\w]|\\.\\d)");

    private static final Pattern PHONE = Pattern.compile(
            // international: +CC or 00CC, then groups, optional "(0)"
            "(?<![\\w+-])(?:(?:\\+|00)[1-9]\\d{0,3}+(?:[ ./-]?(?:\\(\\d{1,4}\\)|\\d{1,12}+)){1,8}"
                    // national with trunk prefix 0 and an area code: 0170 1234567, (030) 123456
                    + "|(?:\\(0\\d{2,5}\\)|0[1-9]\\d{1,4}+)(?:[ /-]?\\d{2,10}+){1,3}"
                    // North American: (555) 123-4567, 555-123-4567
                    + "|(?:\\(\\d{3}\\) ?|\\d{3}[-.])\\d{3}[-.]\\d{4})(?![\\w])");

    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private static final int PHONE_MIN_DIGITS = 7;
    private static final int PHONE_MAX_DIGITS = 15; // E.164

    private static final Set<String> PATH_PREFIXES = ConcurrentHashMap.newKeySet();
    private static volatile Pattern paths;

    static {
        PATH_PREFIXES.add("/dev/shm");
        paths = compilePaths();
    }

    static void registerPathPrefix(String prefix) {
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("path prefix must not be blank");
        }
        List<String> forms = new ArrayList<>();
        forms.add(trimSlash(prefix.strip()));
        try {
            Path p = Path.of(prefix.strip()).toAbsolutePath().normalize();
            forms.add(trimSlash(p.toString()));
            if (Files.exists(p)) {
                forms.add(trimSlash(p.toRealPath().toString())); // symlinked tmp dirs
            }
        } catch (InvalidPathException | java.io.IOException | SecurityException e) {
            // keep the literal form only
        }
        synchronized (TextScanner.class) {
            for (String f : forms) {
                if (f.startsWith("/")) {
                    PATH_PREFIXES.add(f);
                }
            }
            paths = compilePaths();
        }
    }

    private static String trimSlash(String s) {
        String t = s;
        while (t.length() > 1 && t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    private static Pattern compilePaths() {
        // Longest first so that a registered sub-directory wins over its parent.
        String alternatives = PATH_PREFIXES.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
        // The prefix must end at a component boundary (so /dev/shmx is not /dev/shm);
        // then everything up to a character that cannot be part of a logged path.
        return Pattern.compile("(?:" + alternatives + ")(?![^/\\s\"'<>,;:)\\]}|])"
                + "[^\\s\"'<>,;:)\\]}|]*+");
    }

    static String mask(String text) {
        String s = TOKEN.matcher(text).replaceAll("[TOKEN]");
        s = paths.matcher(s).replaceAll("[PATH]");
        s = replace(EMAIL, s, PiiMasker::email);
        s = replace(DIGIT_RUN, s, TextScanner::maskCards);
        s = replace(IPV6, s, TextScanner::maskIpv6Candidate);
        s = replace(IPV4, s, TextScanner::maskIpv4Candidate);
        s = replace(PHONE, s, TextScanner::maskPhoneCandidate);
        return s;
    }

    private static String replace(Pattern p, String s, Function<String, String> masker) {
        Matcher m = p.matcher(s);
        if (!m.find()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(masker.apply(m.group())));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Masks every run of consecutive digit groups that holds 13-19 digits and passes Luhn,
     * longest first. Looking at group windows (not just the whole run) catches a card number
     * that is followed by a CVV or preceded by another number.
     */
    static String maskCards(String run) {
        List<int[]> groups = new ArrayList<>(); // [start, end) of each digit group in run
        Matcher digits = DIGITS.matcher(run);
        while (digits.find()) {
            groups.add(new int[] {digits.start(), digits.end()});
        }
        StringBuilder out = new StringBuilder(run);
        int i = 0;
        while (i < groups.size()) {
            int end = longestCardWindow(run, groups, i);
            if (end < 0) {
                i++;
                continue;
            }
            int from = groups.get(i)[0];
            int to = groups.get(end)[1];
            out.replace(from, to, PiiMasker.cardNumber(run.substring(from, to)));
            i = end + 1;
        }
        return out.toString();
    }

    private static int longestCardWindow(String run, List<int[]> groups, int first) {
        for (int last = groups.size() - 1; last >= first; last--) {
            StringBuilder digits = new StringBuilder(19);
            for (int g = first; g <= last && digits.length() <= 19; g++) {
                digits.append(run, groups.get(g)[0], groups.get(g)[1]);
            }
            if (digits.length() >= 13 && digits.length() <= 19 && Luhn.isValid(digits)) {
                return last;
            }
        }
        return -1;
    }

    private static String maskIpv6Candidate(String candidate) {
        // A sentence may end right after an address: "from 2001:db8::1."
        String core = candidate;
        while (core.endsWith(".")) {
            core = core.substring(0, core.length() - 1);
        }
        int[] groups = IpAddresses.parseIpv6(core);
        if (groups == null) {
            return candidate;
        }
        return PiiMasker.ipv6(core) + candidate.substring(core.length());
    }

    private static String maskIpv4Candidate(String candidate) {
        return IpAddresses.parseIpv4(candidate) == null ? candidate : PiiMasker.ipv4(candidate);
    }

    /**
     * Masks the longest leading part of the match that is a plausible phone number
     * (7-15 digits); greedy matching may have swallowed a following number.
     */
    private static String maskPhoneCandidate(String candidate) {
        int digitsSeen = 0;
        int cut = -1;
        for (int i = 0; i < candidate.length(); i++) {
            if (Character.isDigit(candidate.charAt(i))) {
                digitsSeen++;
                boolean groupEnds = i + 1 == candidate.length()
                        || !Character.isDigit(candidate.charAt(i + 1));
                if (groupEnds && digitsSeen >= PHONE_MIN_DIGITS && digitsSeen <= PHONE_MAX_DIGITS) {
                    cut = i + 1;
                }
            }
        }
        if (cut < 0) {
            return candidate;
        }
        if (cut < candidate.length() && candidate.charAt(cut) == ')') {
            cut++;
        }
        return PiiMasker.phone(candidate.substring(0, cut)) + candidate.substring(cut);
    }
}
