package dev.mensura.edge.ratelimit;

import dev.mensura.problem.Problem;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Per-client rate limiting of a service's public endpoints, for the services that switch it on
 * ({@code mensura.edge.rate-limit.enabled=true}: ingest and privacy). Each client (subject, or
 * truncated network when anonymous; {@link ClientKey}) has a bucket of {@code burst} requests
 * refilled at {@code per-minute}. Over it: 429 problem+json {@code rate-limited} with Retry-After;
 * every limited path's answer carries RateLimit-Limit, -Remaining and -Reset. The gateway's own
 * limits are the first line (k8s/README.md); this one holds whatever is in front.
 */
@Singleton
public class RateLimitFilter {
    private static final String DECISION = RateLimitFilter.class.getName() + ".decision";

    private final boolean enabled;
    private final Pattern paths;
    private final TokenBuckets buckets;
    private final CurrentIdentityAssociation identities;

    public RateLimitFilter(@ConfigProperty(name = "mensura.edge.rate-limit.enabled", defaultValue = "false") boolean enabled,
                           @ConfigProperty(name = "mensura.edge.rate-limit.paths", defaultValue = "/v1/.*") String paths,
                           @ConfigProperty(name = "mensura.edge.rate-limit.burst", defaultValue = "60") long burst,
                           @ConfigProperty(name = "mensura.edge.rate-limit.per-minute", defaultValue = "120") long perMinute,
                           CurrentIdentityAssociation identities) {
        this.enabled = enabled;
        this.paths = Pattern.compile(paths);
        this.buckets = new TokenBuckets(burst, perMinute, System::nanoTime);
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Response> limit(ContainerRequestContext context, HttpServerRequest request) {
        if (!enabled || !paths.matcher(request.path()).matches()) {
            return Uni.createFrom().nullItem();
        }
        String remote = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return identities.getDeferredIdentity()
                .map(RateLimitFilter::subjectOf)
                .onFailure().recoverWithItem((String) null) // a bad token is the endpoint's 401, counted by network
                .map(subject -> {
                    TokenBuckets.Decision decision = buckets.take(ClientKey.of(subject, remote));
                    context.setProperty(DECISION, decision);
                    if (decision.allowed()) {
                        return null;
                    }
                    return withHeaders(Response.fromResponse(Problem.of("rate-limited", "Too many requests", 429,
                                    "Too many requests from this client. Wait as long as Retry-After says, then try again.")
                            .toResponse()), decision).header("Retry-After", decision.retryAfter()).build();
                });
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof TokenBuckets.Decision decision && decision.allowed()) {
            response.getHeaders().putSingle("RateLimit-Limit", decision.limit());
            response.getHeaders().putSingle("RateLimit-Remaining", decision.remaining());
            response.getHeaders().putSingle("RateLimit-Reset", decision.reset());
        }
    }

    private static String subjectOf(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    private static Response.ResponseBuilder withHeaders(Response.ResponseBuilder builder, TokenBuckets.Decision d) {
        return builder.header("RateLimit-Limit", d.limit()).header("RateLimit-Remaining", d.remaining())
                .header("RateLimit-Reset", d.reset());
    }
}
