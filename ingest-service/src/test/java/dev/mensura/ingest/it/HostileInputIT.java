package dev.mensura.ingest.it;

import static dev.mensura.ingest.it.Ingest.consent;
import static dev.mensura.ingest.it.Ingest.newSubject;
import static dev.mensura.ingest.it.Ingest.upload;
import static dev.mensura.ingest.it.Ingest.uploadDirFiles;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mensura.ingest.photo.PhotoFixtures;
import dev.mensura.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile and broken uploads, generated here: each a 4xx problem, nothing stored, never a 500. */
@QuarkusTest
class HostileInputIT {
    private static final String SUB = newSubject();
    private static final byte[] GOOD = PhotoFixtures.plainJpeg(64, 96, 9);

    @BeforeAll
    static void grant() {
        consent(SUB, true);
    }

    static Stream<Arguments> hostile() {
        byte[] truncated = Arrays.copyOf(GOOD, GOOD.length / 2);
        byte[] text = "just some text, named .jpg".getBytes(StandardCharsets.UTF_8);
        byte[] gif = "GIF89a\1\0\1\0\0\0\0;".getBytes(StandardCharsets.ISO_8859_1);
        return Stream.of(
                Arguments.of("zero-byte photo", 400, "empty-photo", call(s -> upload(s, new byte[0], "image/jpeg", GOOD, "image/jpeg", "170").post("/v1/jobs"))),
                Arguments.of("truncated JPEG", 422, "malformed-image", call(s -> upload(s, truncated, "image/jpeg", GOOD, "image/jpeg", "170").post("/v1/jobs"))),
                Arguments.of("text with a .jpg name", 415, "unsupported-media-type", call(s -> upload(s, text, "image/jpeg", GOOD, "image/jpeg", "170").post("/v1/jobs"))),
                Arguments.of("GIF", 415, "unsupported-media-type", call(s -> upload(s, GOOD, "image/jpeg", gif, "image/gif", "170").post("/v1/jobs"))),
                Arguments.of("JPEG/ZIP polyglot", 422, "trailing-data", call(s -> upload(s, PhotoFixtures.jpegZipPolyglot(), "image/jpeg", GOOD, "image/jpeg", "170").post("/v1/jobs"))),
                Arguments.of("JPEG header 100000 x 100000", 422, "image-dimensions-exceeded", call(s -> upload(s, PhotoFixtures.jpegClaiming(65_000, 65_000), "image/jpeg", GOOD, "image/jpeg", "170").post("/v1/jobs"))),
                Arguments.of("PNG header 100000 x 100000", 422, "image-dimensions-exceeded", call(s -> upload(s, PhotoFixtures.pngClaiming(100_000, 100_000), "image/png", GOOD, "image/jpeg", "170").post("/v1/jobs"))),
                Arguments.of("PNG with a huge IDAT", 413, "photo-too-large", call(s -> upload(s, PhotoFixtures.pngWithHugeIdat(16 * 1024 * 1024), "image/png", GOOD, "image/jpeg", "170").post("/v1/jobs"))),
                Arguments.of("oversized body", 413, "request-too-large", call(s -> upload(s, new byte[20 * 1024 * 1024], "image/jpeg", new byte[20 * 1024 * 1024], "image/jpeg", "170").post("/v1/jobs"))),
                Arguments.of("missing side", 400, "missing-field", call(s -> upload(s, GOOD, "image/jpeg", null, null, "170").post("/v1/jobs"))),
                Arguments.of("missing height", 400, "missing-field", call(s -> upload(s, GOOD, "image/jpeg", GOOD, "image/jpeg", null).post("/v1/jobs"))),
                Arguments.of("height too small", 400, "invalid-height", call(s -> upload(s, GOOD, "image/jpeg", GOOD, "image/jpeg", "49").post("/v1/jobs"))),
                Arguments.of("height too large", 400, "invalid-height", call(s -> upload(s, GOOD, "image/jpeg", GOOD, "image/jpeg", "251").post("/v1/jobs"))),
                Arguments.of("height not a number", 400, "invalid-height", call(s -> upload(s, GOOD, "image/jpeg", GOOD, "image/jpeg", "tall").post("/v1/jobs"))),
                Arguments.of("JSON instead of multipart", 415, "http-415", call(s -> given().auth().oauth2(TestTokens.subject(s)).contentType("application/json").body("{}").post("/v1/jobs"))),
                Arguments.of("multipart without boundary", 400, "malformed-multipart", call(s -> given().auth().oauth2(TestTokens.subject(s)).contentType("multipart/form-data").body("garbage".getBytes(StandardCharsets.US_ASCII)).post("/v1/jobs"))));
    }

    private static Function<String, Response> call(Function<String, Response> f) {
        return f;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void refusedWithAProblemAndNothingStored(String name, int status, String type, Function<String, Response> request) {
        var before = uploadDirFiles();
        Response response = request.apply(SUB);
        assertThat(response.statusCode()).as(name + ": " + response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("type")).isEqualTo("https://mensura.dev/problems/" + type);
        assertThat(uploadDirFiles()).as("upload dir after " + name).containsExactlyInAnyOrderElementsOf(before);
    }
}
