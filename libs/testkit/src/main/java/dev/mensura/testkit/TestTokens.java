package dev.mensura.testkit;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * RS256 JWTs for tests, signed with {@link DevKeys#get()}'s private key (the one whose public
 * key {@link MensuraInfraResource} configures as {@code mp.jwt.verify.publickey.location}).
 * Issuer {@value #ISSUER}, lifetime one hour, roles in the {@code groups} claim. Tokens are
 * credentials: never print or log them.
 */
public final class TestTokens {

    public static final String ISSUER = "https://mensura.dev/issuer";
    /** What the services accept as {@code aud} ({@code mp.jwt.verify.audiences} in libs/edge). */
    public static final String AUDIENCE = "mensura";
    public static final Duration LIFETIME = Duration.ofHours(1);

    public static final String ROLE_SUBJECT = "subject";
    public static final String ROLE_SERVICE = "service";

    private static PrivateKey strangerKey;

    private TestTokens() {
    }

    /** A data subject's token: {@code groups = ["subject"]}. */
    public static String subject(String sub) {
        return withRoles(sub, ROLE_SUBJECT);
    }

    /** A token of {@code sub} with exactly these roles (e.g. operator, compliance). */
    public static String withRoles(String sub, String... roles) {
        return sign(claims(sub, roles, Instant.now()), DevKeys.get().privateKey());
    }

    /** A service's token: {@code sub = serviceName}, {@code groups = ["service"]}. */
    public static String service(String serviceName) {
        return withRoles(serviceName, ROLE_SERVICE);
    }

    /** A subject token that expired an hour ago (valid signature). */
    public static String expired(String sub) {
        Instant issued = Instant.now().minus(LIFETIME).minus(Duration.ofHours(1));
        return sign(claims(sub, new String[] {ROLE_SUBJECT}, issued), DevKeys.get().privateKey());
    }

    /** A subject token, validly signed, but meant for another application ({@code aud}). */
    public static String forAnotherAudience(String sub) {
        return sign(claims(sub, new String[] {ROLE_SUBJECT}, Instant.now()).audience("another-app"),
                DevKeys.get().privateKey());
    }

    /** A well-formed, unexpired subject token signed by a key the services do not trust. */
    public static String signedByStrangerKey(String sub) {
        return sign(claims(sub, new String[] {ROLE_SUBJECT}, Instant.now()), strangerKey());
    }

    private static JwtClaimsBuilder claims(String sub, String[] roles, Instant issuedAt) {
        if (sub == null || sub.isBlank()) {
            throw new IllegalArgumentException("sub is required");
        }
        Set<String> groups = new LinkedHashSet<>(Arrays.asList(roles));
        return Jwt.claims()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(sub)
                .groups(groups)
                .issuedAt(issuedAt.getEpochSecond())
                .expiresAt(issuedAt.plus(LIFETIME).getEpochSecond())
                .claim("jti", UUID.randomUUID().toString());
    }

    private static String sign(JwtClaimsBuilder claims, PrivateKey key) {
        return claims.jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256).header("typ", "JWT").sign(key);
    }

    private static synchronized PrivateKey strangerKey() {
        if (strangerKey == null) {
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
                strangerKey = g.generateKeyPair().getPrivate();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return strangerKey;
    }
}
