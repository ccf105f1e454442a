package dev.mensura.audit.report;

import dev.mensura.problem.ProblemException;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** {@code GET /v1/audit/reports/daily?date=YYYY-MM-DD[&format=csv]} for compliance officers. */
@Path("/v1/audit/reports/daily")
@RolesAllowed("compliance")
@Blocking
public class ReportResource {
    private final ReportQueries queries;

    public ReportResource(ReportQueries queries) {
        this.queries = queries;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response daily(@QueryParam("date") String date, @QueryParam("format") String format) {
        LocalDate day;
        try {
            day = date == null ? LocalDate.now(ZoneOffset.UTC) : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new ProblemException("invalid-report-date", "Invalid date", 400, "date is YYYY-MM-DD (UTC).");
        }
        DailyReport report = queries.daily(day);
        if ("csv".equals(format)) {
            return Response.ok(report.csv(), "text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"audit-report-" + day + ".csv\"").build();
        }
        if (format != null && !"json".equals(format)) {
            throw new ProblemException("invalid-report-format", "Invalid format", 400, "format is json or csv.");
        }
        return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }
}
