package dev.mensura.privacy.export;

import dev.mensura.privacy.dsr.DsrAudit;
import dev.mensura.privacy.dsr.DsrRequest;
import dev.mensura.privacy.dsr.DsrViews;
import dev.mensura.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands out exports: the zip of the subject's latest completed export while it is kept, else a
 * 202 with the request to follow (a pending one, or a new one).
 */
@ApplicationScoped
public class ExportDesk {
    private final ExportSaga saga;
    private final ExportArchive archive;
    private final DsrAudit audit;
    private final Duration kept;

    public ExportDesk(ExportSaga saga, ExportArchive archive, DsrAudit audit,
                      @ConfigProperty(name = "mensura.retention.exports") Duration kept) {
        this.saga = saga;
        this.archive = archive;
        this.audit = audit;
        this.kept = kept;
    }

    /** @param refresh start a new export even if a completed one is still kept */
    public Uni<Response> forSubject(String subject, boolean refresh) {
        return Panache.withSession(() -> DsrRequest.<DsrRequest>find(
                        "subjectPseudonym = ?1 and type = ?2 order by requestedAt desc", subject, ExportSaga.TYPE)
                .firstResult())
                .chain(latest -> {
                    if (latest != null && DsrRequest.PENDING.equals(latest.status)) {
                        return accepted(latest, "/v1/dsr/");
                    }
                    if (latest != null && !refresh && stillKept(latest)) {
                        return download(latest, "subject.export.downloaded");
                    }
                    return saga.start(subject, "subject-request").chain(request -> accepted(request, "/v1/dsr/"));
                });
    }

    /** The zip of a completed export, audited as {@code action}; 409 while pending, 410 once purged. */
    public Uni<Response> download(DsrRequest request, String action) {
        if (!ExportSaga.TYPE.equals(request.type)) {
            throw new ProblemException("dsr-not-an-export", "Not an export", 409, "This request is not an export.");
        }
        if (DsrRequest.PENDING.equals(request.status)) {
            throw new ProblemException("export-pending", "Export not ready", 409,
                    "Not every service has answered yet; follow the request's status.");
        }
        if (!stillKept(request)) {
            throw new ProblemException("export-expired", "Export expired", 410,
                    "Exports are kept for " + kept.toDays() + " days; request a new one.");
        }
        return archive.zip(request)
                .call(zip -> audit.record(action, request, Map.of("bytes", zip.length)))
                .map(zip -> Response.ok(zip, "application/zip")
                        .header("Content-Disposition", "attachment; filename=\"mensura-export-" + request.id + ".zip\"")
                        .header("Cache-Control", "no-store")
                        .build());
    }

    public Uni<Response> accepted(DsrRequest request, String statusPath) {
        return DsrViews.of(request).map(view -> Response.accepted(view)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .location(URI.create(statusPath + view.id()))
                .header("Retry-After", "2")
                .build());
    }

    private boolean stillKept(DsrRequest request) {
        return request.completedAt != null && request.completedAt.isAfter(Instant.now().minus(kept));
    }
}
