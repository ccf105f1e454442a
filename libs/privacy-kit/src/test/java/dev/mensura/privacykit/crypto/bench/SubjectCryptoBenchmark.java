package dev.mensura.privacykit.crypto.bench;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.mensura.privacykit.crypto.SubjectCrypto;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link SubjectCrypto#encrypt} with a warm cache against the reference: a Tink AES256_GCM
 * {@link Aead} already in hand encrypting the same 1 KiB record with the same 64 bytes of
 * associated data ({@code "mensura:v1|" + pseudonym + "|" + place}, built once). What is
 * measured is SubjectCrypto's own overhead: the cache lookup, the TTL check and building the
 * associated data. Goal: at most 1.2x the reference's time per operation.
 *
 * <p>Run: see docs/benchmarks.md, section "privacy-kit: SubjectCrypto cached encrypt vs plain
 * Tink AEAD".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SubjectCryptoBenchmark {

    /** A real pseudonym's shape: base64url of a 32-byte HMAC, 43 characters. */
    static final String SUBJECT = "q3Xk9vTzR0m2bL7cW1sN8yHfJ4pA6eUoD5gKiVxQwZc";
    /** 11 + 43 + 1 + 9 = 64 bytes of associated data. */
    static final String PLACE = "job.pose.";

    private byte[] record;
    private byte[] associatedData;
    private Aead plain;
    private SubjectCrypto subjectCrypto;

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
        AeadConfig.register();
        KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        record = new byte[1024];
        new Random(42).nextBytes(record);
        associatedData = ("mensura:v1|" + SUBJECT + "|" + PLACE).getBytes(StandardCharsets.UTF_8);
        if (associatedData.length != 64) {
            throw new IllegalStateException("associated data is " + associatedData.length + " bytes, not 64");
        }
        plain = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        subjectCrypto = new SubjectCrypto(subject -> keyset, Duration.ofHours(1), Clock.systemUTC());
        // Warm the cache, and prove both paths produce interchangeable ciphertexts.
        byte[] viaSubjectCrypto = subjectCrypto.encrypt(SUBJECT, PLACE, record);
        if (!Arrays.equals(plain.decrypt(viaSubjectCrypto, associatedData), record)
                || !Arrays.equals(subjectCrypto.decrypt(SUBJECT, PLACE, plain.encrypt(record, associatedData)), record)) {
            throw new IllegalStateException("SubjectCrypto and the plain Aead disagree");
        }
    }

    /** Reference: the key's Aead in hand, associated data prebuilt. */
    @Benchmark
    public byte[] plainAead() throws GeneralSecurityException {
        return plain.encrypt(record, associatedData);
    }

    /** Same record and key through SubjectCrypto with the subject's primitive cached. */
    @Benchmark
    public byte[] subjectCryptoCached() {
        return subjectCrypto.encrypt(SUBJECT, PLACE, record);
    }
}
