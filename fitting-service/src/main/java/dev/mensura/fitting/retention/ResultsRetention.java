package dev.mensura.fitting.retention;

import dev.mensura.fitting.results.FitResults;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Results are kept {@code mensura.retention.results} (30 days), then deleted, hourly. */
@ApplicationScoped
public class ResultsRetention {
    private final FitResults results;
    private final Duration keep;
    private final Clock clock = Clock.systemUTC();

    public ResultsRetention(FitResults results, @ConfigProperty(name = "mensura.retention.results") Duration keep) {
        this.results = results;
        this.keep = keep;
    }

    @Scheduled(every = "1h", delayed = "1m")
    void purge() {
        int deleted = results.deleteOlderThan(clock.instant().minus(keep));
        if (deleted > 0) {
            Log.infof("retention: %d fit results older than %s deleted", deleted, keep);
        }
    }
}
