package dev.mensura.ingest.it;

import static io.restassured.RestAssured.given;

import dev.mensura.events.CloudEvent;
import dev.mensura.events.EventCodec;
import dev.mensura.privacykit.crypto.SubjectCrypto;
import dev.mensura.privacykit.pseudonym.Pseudonymizer;
import dev.mensura.testkit.DevKeys;
import dev.mensura.testkit.EmbeddedPostgres;
import dev.mensura.testkit.KafkaRecords;
import dev.mensura.testkit.TestTokens;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

/** What the ingest tests do as a client: consent, upload, read Kafka, publish vision outcomes. */
final class Ingest {
    private Ingest() {
    }

    static String newSubject() {
        return "subject-" + UUID.randomUUID();
    }

    static String config(String key) {
        return ConfigProvider.getConfig().getValue(key, String.class);
    }

    static Pseudonymizer pseudonyms() {
        try {
            return Pseudonymizer.fromKeysetFile(DevKeys.get().pseudonymKeysetFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void consent(String sub, boolean granted) {
        given().baseUri(config("mensura.test.privacy-url")).auth().oauth2(TestTokens.subject(sub))
                .contentType("application/json").body("{\"granted\": " + granted + "}")
                .put("/v1/subjects/me/consents/body-measurement").then().statusCode(200);
    }

    static RequestSpecification upload(String sub, byte[] front, String frontType, byte[] side, String sideType,
                                       String heightCm) {
        RequestSpecification spec = given().auth().oauth2(TestTokens.subject(sub));
        if (front != null) {
            spec = spec.multiPart("front", "front.jpg", front, frontType);
        }
        if (side != null) {
            spec = spec.multiPart("side", "side.jpg", side, sideType);
        }
        if (heightCm != null) {
            spec = spec.multiPart("heightCm", heightCm);
        }
        return spec;
    }

    /** The stated height every {@link #uploadJpegs} job carries. */
    static final int HEIGHT_CM = 178;

    static Response uploadJpegs(String sub, byte[] front, byte[] side) {
        return upload(sub, front, "image/jpeg", side, "image/jpeg", Integer.toString(HEIGHT_CM)).post("/v1/jobs");
    }

    static Path uploadDir() {
        return Path.of(config("mensura.ingest.upload-dir"));
    }

    static List<Path> uploadDirFiles() {
        try (var files = Files.list(uploadDir())) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files that appeared in the upload directory since {@code before}: this test's photos. */
    static List<Path> newFiles(List<Path> before) {
        return uploadDirFiles().stream().filter(f -> !before.contains(f)).toList();
    }

    /** A SubjectCrypto as a service holds it, fetching keys from the real privacy-service. */
    static SubjectCrypto subjectCrypto() {
        return SubjectCrypto.overHttp(URI.create(config("mensura.test.privacy-url")),
                () -> TestTokens.service("ingest-service"), Duration.ofSeconds(60));
    }

    /** One column of a job row, read straight from PostgreSQL as bytes. */
    static byte[] jobColumn(String jobId, String column) {
        try (Connection c = EmbeddedPostgres.get().connect("mensura_ingest");
             PreparedStatement s = c.prepareStatement("select " + column + " from job where id = ?::uuid")) {
            s.setString(1, jobId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getBytes(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String jobPseudonym(String jobId) {
        return pseudonyms().pseudonym("job", jobId);
    }

    static void publish(String topic, String key, CloudEvent<?> event) {
        KafkaRecords.publish(config("kafka.bootstrap.servers"), topic, key, EventCodec.encode(event));
    }

    /** Reads {@code topic} from the start until {@code enough} holds for the matching records, or the timeout. */
    static List<ConsumerRecord<String, String>> read(String topic, Predicate<ConsumerRecord<String, String>> match,
                                                     Predicate<List<ConsumerRecord<String, String>>> enough,
                                                     Duration timeout) {
        return KafkaRecords.read(config("kafka.bootstrap.servers"), topic, match, enough, timeout);
    }
}
