package dev.mensura.edge.audit;

import dev.mensura.edge.ratelimit.TokenBuckets;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Every 401 and 403 a service answers becomes an audit entry ({@code auth.failed},
 * {@code auth.denied}), whatever produced it: the token check, a role check, an ownership check
 * or {@link dev.mensura.edge.identity.CallerServiceFilter}. The entry holds only what the masking
 * rules allow (I6): the endpoint's first two path segments, the method, the status, the refusal
 * reason when there is one, the caller's network truncated to /24 or /48 and the browser and OS
 * family. Per network at most a burst of {@value #BURST} entries, then {@value #PER_MINUTE} a
 * minute, so a flood of bad tokens cannot flood the log; what is left out is counted in the log.
 */
@ApplicationScoped
public class AccessAudit {
    /** Set by a filter that refused a request, to say why (a slug). */
    public static final String REFUSAL_REASON = "mensura.edge.refusal-reason";
    static final int BURST = 20;
    static final int PER_MINUTE = 60;
    private static final Logger LOG = Logger.getLogger(AccessAudit.class);

    /** Looked up at the first refusal: the filter is registered before messaging has connected its channels. */
    private final Instance<AuditChannel> channel;
    private final TokenBuckets budget = new TokenBuckets(BURST, PER_MINUTE, System::nanoTime);

    public AccessAudit(Instance<AuditChannel> channel) {
        this.channel = channel;
    }

    void register(@Observes Filters filters) {
        filters.register(this::watch, 50);
    }

    private void watch(RoutingContext context) {
        context.addHeadersEndHandler(ignored -> {
            int status = context.response().getStatusCode();
            if (status == 401 || status == 403) {
                record(context, status);
            }
        });
        context.next();
    }

    private void record(RoutingContext context, int status) {
        try {
            String remote = context.request().remoteAddress() == null ? null
                    : context.request().remoteAddress().hostAddress();
            AccessAttempt attempt = new AccessAttempt(status, context.request().method().name(),
                    context.request().path(), remote, context.request().getHeader("User-Agent"),
                    context.get(REFUSAL_REASON), callerKind(context));
            if (!budget.take(attempt.network()).allowed()) {
                LOG.debugf("audit entry for an HTTP %d left out: this network's audit budget is spent", status);
                return;
            }
            channel.get().send(attempt.toRecord(Instant.now()), attempt.network());
        } catch (RuntimeException e) {
            // Auditing must never turn a refusal into a 500.
            LOG.warnf("audit entry for an HTTP %d not recorded (%s)", status, e.getClass().getName());
        }
    }

    /** A service by name (not personal), otherwise only whether there was a subject at all. */
    private static String callerKind(RoutingContext context) {
        if (!(context.user() instanceof QuarkusHttpUser user)) {
            return AccessAttempt.ANONYMOUS;
        }
        SecurityIdentity identity = user.getSecurityIdentity();
        if (identity == null || identity.isAnonymous()) {
            return AccessAttempt.ANONYMOUS;
        }
        if (identity.hasRole("service")) {
            return identity.getPrincipal().getName();
        }
        return AccessAttempt.SUBJECT;
    }
}
