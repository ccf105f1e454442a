package dev.mensura.privacykit.masking;

/**
 * Strict IP literal parsing and truncation, written by hand on purpose: {@code InetAddress}
 * resolves anything that is not a literal through DNS, which a log filter must never do.
 */
final class IpAddresses {

    private IpAddresses() {
    }

    /** @return the four octets, or null if {@code s} is not a dotted-quad IPv4 literal */
    static int[] parseIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        int[] octets = new int[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            octets[i] = Integer.parseInt(p);
            if (octets[i] > 255) {
                return null;
            }
        }
        return octets;
    }

    /**
     * Parses an IPv6 literal: compressed ("::") or full form, optional embedded IPv4 tail,
     * optional zone id (dropped), optional surrounding brackets.
     *
     * @return the eight 16-bit groups, or null if {@code s} is not an IPv6 literal
     */
    static int[] parseIpv6(String s) {
        String a = s;
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        int zone = a.indexOf('%');
        if (zone >= 0) {
            a = a.substring(0, zone);
        }
        if (a.indexOf(':') < 0) {
            return null;
        }
        int[] tail = null;
        int lastColon = a.lastIndexOf(':');
        if (a.indexOf('.', lastColon) >= 0) {
            int[] v4 = parseIpv4(a.substring(lastColon + 1));
            if (v4 == null) {
                return null;
            }
            tail = new int[] {(v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]};
            // Keep the colon(s) before the IPv4 part so that "::1.2.3.4" stays well-formed.
            a = a.substring(0, lastColon + 1) + "0:0";
        }
        int[] groups = parseHexGroups(a);
        if (groups == null) {
            return null;
        }
        if (tail != null) {
            groups[6] = tail[0];
            groups[7] = tail[1];
        }
        return groups;
    }

    private static int[] parseHexGroups(String a) {
        int gap = a.indexOf("::");
        if (gap >= 0 && a.indexOf("::", gap + 1) >= 0) {
            return null; // at most one "::"
        }
        String head = gap >= 0 ? a.substring(0, gap) : a;
        String rest = gap >= 0 ? a.substring(gap + 2) : "";
        int[] left = hexList(head);
        int[] right = hexList(rest);
        if (left == null || right == null) {
            return null;
        }
        int known = left.length + right.length;
        if (gap < 0 ? known != 8 : known > 7) {
            return null;
        }
        int[] groups = new int[8];
        System.arraycopy(left, 0, groups, 0, left.length);
        System.arraycopy(right, 0, groups, 8 - right.length, right.length);
        return groups;
    }

    private static int[] hexList(String part) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] items = part.split(":", -1);
        if (items.length > 8) {
            return null;
        }
        int[] values = new int[items.length];
        for (int i = 0; i < items.length; i++) {
            String h = items[i];
            if (h.isEmpty() || h.length() > 4) {
                return null;
            }
            for (int j = 0; j < h.length(); j++) {
                if (Character.digit(h.charAt(j), 16) < 0) {
                    return null;
                }
            }
            values[i] = Integer.parseInt(h, 16);
        }
        return values;
    }

    static boolean isIpv4Mapped(int[] g) {
        for (int i = 0; i < 5; i++) {
            if (g[i] != 0) {
                return false;
            }
        }
        return g[5] == 0xffff;
    }

    /** RFC 5952 text: lower case, no leading zeros, the longest run (>= 2) of zero groups as "::". */
    static String format(int[] g) {
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}
