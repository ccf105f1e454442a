package dev.mensura.ingest.it;

import static dev.mensura.ingest.it.Ingest.consent;
import static dev.mensura.ingest.it.Ingest.newSubject;
import static dev.mensura.ingest.it.Ingest.uploadJpegs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mensura.events.CloudEvent;
import dev.mensura.events.EventTypes;
import dev.mensura.events.Topics;
import dev.mensura.events.data.JobProgress;
import dev.mensura.ingest.photo.PhotoFixtures;
import dev.mensura.testkit.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Progress from job.progress events, followed over the WebSocket until the job is done. */
@QuarkusTest
class ProgressSocketIT {
    @TestHTTPResource("/")
    URI base;

    @Test
    void progressEventsReachTheOwnersWebSocketAndEndTheJob() throws Exception {
        String sub = newSubject();
        consent(sub, true);
        byte[] jpeg = PhotoFixtures.plainJpeg(64, 96, 51);
        String jobId = uploadJpegs(sub, jpeg, jpeg).then().statusCode(202).extract().path("id");
        String subjectPseudonym = Ingest.pseudonyms().pseudonym("subject", sub);

        List<String> messages = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        WebSocket socket = connect(jobId, TestTokens.subject(sub), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                messages.add(data.toString());
                if (data.toString().contains("\"status\":\"completed\"")) {
                    done.complete(null);
                }
                ws.request(1);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);

        Ingest.publish(Topics.JOB_PROGRESS, subjectPseudonym, CloudEvent.of("/test/fitting", EventTypes.JOB_PROGRESS,
                subjectPseudonym, new JobProgress(jobId, subjectPseudonym, "fitting", 80, "Fitting the body model")));
        Ingest.publish(Topics.JOB_PROGRESS, subjectPseudonym, CloudEvent.of("/test/fitting", EventTypes.JOB_PROGRESS,
                subjectPseudonym, new JobProgress(jobId, subjectPseudonym, "done", 100, "Measurements ready")));

        done.get(20, TimeUnit.SECONDS);
        socket.abort();
        assertThat(messages.get(0)).contains("\"stage\":\"queued\"");
        assertThat(messages.get(messages.size() - 1)).contains("\"stage\":\"done\"").contains("\"progress\":100");
        assertThat(String.join("", messages)).doesNotContain(sub);
    }

    @Test
    void aStrangerCannotOpenTheSocket() throws Exception {
        String owner = newSubject();
        consent(owner, true);
        byte[] jpeg = PhotoFixtures.plainJpeg(64, 96, 52);
        String jobId = uploadJpegs(owner, jpeg, jpeg).then().statusCode(202).extract().path("id");

        CompletableFuture<String> outcome = new CompletableFuture<>();
        WebSocket.Listener listener = new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                outcome.complete("message");
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
                outcome.complete("closed " + status);
                return null;
            }
        };
        connect(jobId, TestTokens.subject(newSubject()), listener).get(10, TimeUnit.SECONDS);
        assertThat(outcome.get(10, TimeUnit.SECONDS)).isEqualTo("closed 4404");
        assertThatThrownBy(() -> HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(ws(jobId), new WebSocket.Listener() { }).get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode())
                        .isEqualTo(401));
    }

    private URI ws(String jobId) {
        return URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/v1/jobs/" + jobId + "/ws");
    }

    private CompletableFuture<WebSocket> connect(String jobId, String token, WebSocket.Listener listener) {
        return HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .buildAsync(ws(jobId), listener);
    }
}
