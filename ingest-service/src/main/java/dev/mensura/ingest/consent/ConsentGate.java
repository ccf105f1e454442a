package dev.mensura.ingest.consent;

import dev.mensura.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * I4 at the door: no photo is accepted unless privacy-service says the subject has granted
 * consent for body measurement. If privacy cannot answer, nothing is accepted either (503).
 */
@ApplicationScoped
public class ConsentGate {
    public static final String PURPOSE = "body-measurement";
    private static final Logger LOG = Logger.getLogger(ConsentGate.class);

    private final PrivacyClient privacy;

    public ConsentGate(@RestClient PrivacyClient privacy) {
        this.privacy = privacy;
    }

    /**
     * Whether processing is restricted for the subject right now. If privacy cannot say, the
     * answer is yes: stopping is the safe side.
     */
    public boolean restrictedNow(String subjectPseudonym) {
        try {
            PrivacyClient.ConsentCheck check = privacy.check(subjectPseudonym, PURPOSE);
            return check == null || check.restricted();
        } catch (ProcessingException | WebApplicationException e) {
            LOG.warnf("privacy did not answer a restriction check (%s); treated as restricted", why(e));
            return true;
        }
    }

    public void requireGranted(String subjectPseudonym) {
        PrivacyClient.ConsentCheck check;
        try {
            check = privacy.check(subjectPseudonym, PURPOSE);
        } catch (ProcessingException | WebApplicationException e) {
            LOG.warnf("privacy did not answer a consent check (%s)", why(e));
            throw new ProblemException("consent-service-unavailable", "Consent cannot be checked", 503,
                    "The consent service did not answer; nothing was stored. Try again later.");
        }
        if (check != null && check.restricted()) {
            throw new ProblemException("processing-restricted", "Processing restricted", 403,
                    "You have restricted the processing of your data; lift the restriction to upload. Nothing was stored.");
        }
        if (check == null || !check.granted()) {
            throw new ProblemException("consent-required", "Consent required", 403,
                    "Grant consent for purpose '" + PURPOSE + "' before uploading photos; nothing was stored.");
        }
    }

    /** The failure's kind and HTTP status, never its message (which could quote the URL's pseudonym). */
    private static String why(RuntimeException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String status = e instanceof WebApplicationException w && w.getResponse() != null
                ? " HTTP " + w.getResponse().getStatus() : "";
        return e.getClass().getSimpleName() + status + (root != e ? ", caused by " + root.getClass().getName() : "");
    }
}
