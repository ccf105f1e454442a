package dev.mensura.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

class TestTokensTest {

    /** Verifies against the public key as read back from the PEM file the services are given. */
    private static JwtConsumer consumer() throws Exception {
        PublicKey key = KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(DevKeys.readPem(DevKeys.get().publicKeyPem())));
        return new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setExpectedIssuer(TestTokens.ISSUER)
                .setExpectedAudience(TestTokens.AUDIENCE)
                .setVerificationKey(key)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .build();
    }

    @Test
    void subjectTokenVerifies() throws Exception {
        JwtClaims claims = consumer().processToClaims(TestTokens.subject("alice"));
        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getIssuer()).isEqualTo("https://mensura.dev/issuer");
        assertThat(claims.getAudience()).containsExactly("mensura");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("subject");
        long lifetime = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
        assertThat(lifetime).isEqualTo(3600);
    }

    @Test
    void headerIsPlainRs256() throws Exception {
        String header = new String(Base64.getUrlDecoder().decode(TestTokens.subject("alice").split("\\.")[0]),
                StandardCharsets.UTF_8);
        assertThat(header).contains("\"alg\":\"RS256\"").contains("\"typ\":\"JWT\"").doesNotContain("kid");
    }

    @Test
    void rolesAndServiceTokens() throws Exception {
        JwtConsumer c = consumer();
        assertThat(c.processToClaims(TestTokens.withRoles("bob", "operator", "compliance"))
                .getStringListClaimValue("groups")).containsExactlyInAnyOrder("operator", "compliance");
        JwtClaims svc = c.processToClaims(TestTokens.service("vision-service"));
        assertThat(svc.getSubject()).isEqualTo("vision-service");
        assertThat(svc.getStringListClaimValue("groups")).isEqualTo(List.of("service"));
    }

    @Test
    void expiredTokenIsRejectedButWellSigned() throws Exception {
        String token = TestTokens.expired("alice");
        assertThatThrownBy(() -> consumer().processToClaims(token))
                .isInstanceOf(InvalidJwtException.class)
                .satisfies(e -> assertThat(((InvalidJwtException) e).hasExpired()).isTrue());
        assertThat(rs256Valid(token, DevKeys.get().publicKey())).isTrue();
    }

    @Test
    void strangerTokenIsRejected() throws Exception {
        String token = TestTokens.signedByStrangerKey("mallory");
        assertThatThrownBy(() -> consumer().processToClaims(token)).isInstanceOf(InvalidJwtException.class);
        assertThat(rs256Valid(token, DevKeys.get().publicKey())).isFalse();
        assertThat(rs256Valid(TestTokens.subject("alice"), DevKeys.get().publicKey())).isTrue();
    }

    @Test
    void keyFilesAreOwnerOnly() throws Exception {
        DevKeys keys = DevKeys.get();
        for (var f : List.of(keys.privateKeyPem(), keys.publicKeyPem(), keys.pseudonymKeysetFile())) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(f.toString())
                    .isEqualTo("rw-------");
        }
        assertThat(Files.readString(keys.privateKeyPem())).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(Files.readString(keys.publicKeyPem())).startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThat(Files.readString(keys.pseudonymKeysetFile())).contains("primaryKeyId");
        // ensure() on the same directory reloads the same pair and keeps the keyset
        String keyset = Files.readString(keys.pseudonymKeysetFile());
        DevKeys again = DevKeys.ensure(keys.dir());
        assertThat(again.publicKey()).isEqualTo(keys.publicKey());
        assertThat(Files.readString(keys.pseudonymKeysetFile())).isEqualTo(keyset);
    }

    @Test
    void resourceConfigPointsAtTheKeys() {
        MensuraInfraResource r = new MensuraInfraResource();
        r.init(java.util.Map.of("kafka", "false"));
        var cfg = r.start();
        assertThat(cfg).containsEntry("mp.jwt.verify.issuer", TestTokens.ISSUER)
                .containsEntry("mp.jwt.verify.publickey.location", DevKeys.get().publicKeyPem().toString())
                .containsEntry("smallrye.jwt.sign.key.location", DevKeys.get().privateKeyPem().toString())
                .containsEntry("mensura.pseudonym.keyset-file", DevKeys.get().pseudonymKeysetFile().toString())
                .containsEntry("quarkus.devservices.enabled", "false")
                .doesNotContainKey("kafka.bootstrap.servers")
                .doesNotContainKey("quarkus.datasource.jdbc.url");
    }

    private static boolean rs256Valid(String jwt, PublicKey key) throws Exception {
        String[] parts = jwt.split("\\.");
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initVerify(key);
        s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return s.verify(Base64.getUrlDecoder().decode(parts[2]));
    }
}
