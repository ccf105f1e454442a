package dev.mensura.edge.identity;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Mensura service's identity in its certificate: the URI subject alternative name
 * {@code spiffe://mensura/<service>} (SPIFFE's form, so a mesh's own identities fit later). A
 * name, not a DNS name, because vision reaches ingest by pod address, which no certificate names.
 */
public final class ServiceIdentity {
    public static final String PREFIX = "spiffe://mensura/";
    private static final Pattern SERVICE = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    private static final int URI_NAME = 6;

    private ServiceIdentity() {
    }

    public static String uriOf(String service) {
        return PREFIX + service;
    }

    /**
     * The service the certificate names, when it names exactly one; a certificate naming two
     * services names none.
     */
    public static Optional<String> of(X509Certificate certificate) {
        Collection<List<?>> names;
        try {
            names = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return Optional.empty();
        }
        if (names == null) {
            return Optional.empty();
        }
        String found = null;
        for (List<?> name : names) {
            if (name.size() == 2 && Integer.valueOf(URI_NAME).equals(name.get(0))
                    && name.get(1) instanceof String uri && uri.startsWith(PREFIX)) {
                String service = uri.substring(PREFIX.length());
                if (!SERVICE.matcher(service).matches() || (found != null && !found.equals(service))) {
                    return Optional.empty();
                }
                found = service;
            }
        }
        return Optional.ofNullable(found);
    }
}
