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
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            int keep = bytes.length == 4 ? 3 : 6;
            for (int i = keep; i < bytes.length; i++) {
                bytes[i] = 0;
            }
            return InetAddress.getByAddress(bytes).getHostAddress() + (bytes.length == 4 ? "/24" : "/48");
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
