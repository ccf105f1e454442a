package dev.mensura.privacykit.masking;

import java.util.List;
import java.util.Locale;

/**
 * Reduces a User-Agent header to "browser family/OS family". Full user agents (with versions,
 * device models and build ids) are fingerprinting material; the families are all that
 * operations needs.
 */
final class UserAgents {

    private UserAgents() {
    }

    /** A family and the substrings (lower case) that identify it; the first match wins. */
    private record Family(String name, List<String> markers) {
        boolean matches(String ua) {
            for (String m : markers) {
                if (ua.contains(m)) {
                    return true;
                }
            }
            return false;
        }
    }

    // Order matters: Chromium-based browsers also say "Chrome" and "Safari", Chrome says
    // "Safari", so the more specific families come first.
    private static final List<Family> BROWSERS = List.of(
            new Family("Edge", List.of("edg/", "edge/", "edga/", "edgios/")),
            new Family("Opera", List.of("opr/", "opera", "opios/")),
            new Family("SamsungInternet", List.of("samsungbrowser/")),
            new Family("Firefox", List.of("firefox/", "fxios/")),
            new Family("Chrome", List.of("chrome/", "crios/", "chromium/")),
            new Family("Safari", List.of("safari/")),
            new Family("IE", List.of("msie ", "trident/")));

    // iOS user agents contain "like Mac OS X" and Android ones contain "Linux": check first.
    private static final List<Family> SYSTEMS = List.of(
            new Family("Windows", List.of("windows")),
            new Family("iOS", List.of("iphone", "ipad", "ipod")),
            new Family("Android", List.of("android")),
            new Family("ChromeOS", List.of("cros ")),
            new Family("macOS", List.of("mac os x", "macintosh")),
            new Family("Linux", List.of("linux")));

    static String reduce(String userAgent) {
        String ua = userAgent.toLowerCase(Locale.ROOT);
        return pick(BROWSERS, ua) + "/" + pick(SYSTEMS, ua);
    }

    private static String pick(List<Family> families, String ua) {
        for (Family f : families) {
            if (f.matches(ua)) {
                return f.name();
            }
        }
        return "Other";
    }
}
