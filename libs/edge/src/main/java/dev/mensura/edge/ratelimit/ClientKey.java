package dev.mensura.edge.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Whom a request is counted against: the authenticated subject when there is one, otherwise the
 * caller's network, with the address truncated as the masking rules truncate it in logs (IPv4 to
 * /24, IPv6 to /48), so that the limiter keeps nothing more precise than a log may.
 */
public final class ClientKey {
    private ClientKey() {
    }

    static String of(String subject, String remoteAddress) {
        if (subject != null && !subject.isBlank()) {
            return "sub:" + subject;
        }
        return "net:" + truncated(remoteAddress);
    }

    public static String truncated(String address) {
        byte[] prefix = prefix(address);
        if (prefix == null) {
            return "unknown";
        }
        byte[] bytes = java.util.Arrays.copyOf(prefix, prefix.length == 3 ? 4 : 16);
        try {
            return InetAddress.getByAddress(bytes).getHostAddress() + (prefix.length == 3 ? "/24" : "/48");
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    /**
     * The bytes a log may keep of an address: the first 3 of IPv4 (/24), the first 6 of IPv6
     * (/48); null when it is no address.
     */
    public static byte[] prefix(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            return java.util.Arrays.copyOf(bytes, bytes.length == 4 ? 3 : 6);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
