package dev.mensura.ingest.consent;

import dev.mensura.privacykit.crypto.ServiceTokenSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/** Adds ingest's service token, where it has one, to the REST client's internal calls. */
@ApplicationScoped
public class ServiceTokenHeaders implements ClientHeadersFactory {
    private final ServiceTokenSource tokens;

    public ServiceTokenHeaders(ServiceTokenSource tokens) {
        this.tokens = tokens;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
                                                 MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        String token = tokens.current();
        if (token != null) { // none with TLS: ingest's client certificate identifies it
            headers.putSingle("Authorization", "Bearer " + token);
        }
        return headers;
    }
}
