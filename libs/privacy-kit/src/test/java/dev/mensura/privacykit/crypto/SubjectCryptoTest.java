package dev.mensura.privacykit.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SubjectCryptoTest {

    private static final String ALICE = "Zm9vYmFyYmF6cXV4LWFsaWNlLXBzZXVkb255bS0wMDE";
    private static final String BOB = "Ym9iLWJvYi1ib2ItcHNldWRvbnltLTAwMDAwMDAwMDAw";
    private static final String HEIGHT = "ingest.job.height_cm";
    private static final String PHOTO_TOPIC = "topic:photo.received";
    private static final Duration TTL = Duration.ofSeconds(60);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    /** One keyset per subject, created on first fetch; counts fetches; can be "erased". */
    private static final class CountingSource implements SubjectKeySource {
        final Map<String, KeysetHandle> keys = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();
        final Map<String, Boolean> erased = new ConcurrentHashMap<>();

        @Override
        public KeysetHandle fetch(String subjectPseudonym) {
            fetches.computeIfAbsent(subjectPseudonym, s -> new AtomicInteger()).incrementAndGet();
            if (erased.containsKey(subjectPseudonym)) {
                throw new SubjectErasedException();
            }
            return keys.computeIfAbsent(subjectPseudonym, s -> Secrets.newAes256GcmKeyset());
        }

        int fetches(String subject) {
            AtomicInteger n = fetches.get(subject);
            return n == null ? 0 : n.get();
        }

        /** What privacy-service does on erasure: the key is destroyed, later fetches get 410. */
        void erase(String subject) {
            erased.put(subject, true);
            keys.remove(subject);
        }
    }

    private final CountingSource source = new CountingSource();
    private final SubjectCrypto crypto = new SubjectCrypto(source, TTL, clock);

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void roundTrip() {
        byte[] plaintext = utf8("181.5");
        byte[] ciphertext = crypto.encrypt(ALICE, HEIGHT, plaintext);

        assertThat(ciphertext).isNotEqualTo(plaintext);
        assertThat(crypto.decrypt(ALICE, HEIGHT, ciphertext)).isEqualTo(plaintext);
    }

    @Test
    void roundTripOfEmptyAndLargePlaintexts() {
        byte[] large = new byte[1 << 20];
        Arrays.fill(large, (byte) 7);
        assertThat(crypto.decrypt(ALICE, HEIGHT, crypto.encrypt(ALICE, HEIGHT, new byte[0]))).isEmpty();
        assertThat(crypto.decrypt(ALICE, HEIGHT, crypto.encrypt(ALICE, HEIGHT, large))).isEqualTo(large);
    }

    @Test
    void base64RoundTripOfUnicodeText() {
        String text = "{\"height_cm\":181.5,\"name\":\"Zoë ✓ \uD83D\uDE00\"}";
        String b64 = crypto.encryptToBase64(ALICE, PHOTO_TOPIC, text);

        assertThat(b64).matches("[A-Za-z0-9+/]+=*");
        assertThat(crypto.decryptFromBase64(ALICE, PHOTO_TOPIC, b64)).isEqualTo(text);
    }

    @Test
    void encryptionIsRandomised() {
        byte[] plaintext = utf8("same");
        assertThat(crypto.encrypt(ALICE, HEIGHT, plaintext)).isNotEqualTo(crypto.encrypt(ALICE, HEIGHT, plaintext));
    }

    @Test
    void associatedDataIsPrefixPseudonymAndPlace() throws Exception {
        byte[] ciphertext = crypto.encrypt(ALICE, HEIGHT, utf8("181.5"));
        // Decrypt with a raw Tink Aead on the same key and the documented associated data.
        Aead raw = source.keys.get(ALICE).getPrimitive(RegistryConfiguration.get(), Aead.class);

        assertThat(raw.decrypt(ciphertext, utf8("mensura:v1|" + ALICE + "|" + HEIGHT))).isEqualTo(utf8("181.5"));
        assertThat(SubjectCrypto.associatedData(ALICE, HEIGHT)).isEqualTo(utf8("mensura:v1|" + ALICE + "|" + HEIGHT));
    }

    @Test
    void associatedDataIsUtf8ForNonAsciiPseudonymsAndPlaces() {
        assertThat(SubjectCrypto.associatedData("ä€", "place.ü")).isEqualTo(utf8("mensura:v1|ä€|place.ü"));
        assertThat(SubjectCrypto.associatedData("abc", "place.ü")).isEqualTo(utf8("mensura:v1|abc|place.ü"));
        assertThat(SubjectCrypto.associatedData("\u007f", "\u0000")).isEqualTo(utf8("mensura:v1|\u007f|\u0000"));
        byte[] ciphertext = crypto.encrypt("ä€", "place.ü", utf8("x"));
        assertThat(crypto.decrypt("ä€", "place.ü", ciphertext)).isEqualTo(utf8("x"));
    }

    @Test
    void ciphertextDoesNotDecryptAtAnotherPlace() {
        byte[] ciphertext = crypto.encrypt(ALICE, HEIGHT, utf8("181.5"));

        assertThatThrownBy(() -> crypto.decrypt(ALICE, "ingest.job.weight_kg", ciphertext))
                .isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> crypto.decrypt(ALICE, PHOTO_TOPIC, ciphertext))
                .isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void ciphertextDoesNotDecryptForAnotherSubject() {
        byte[] ciphertext = crypto.encrypt(ALICE, HEIGHT, utf8("181.5"));

        Throwable thrown = catchThrowable(() -> crypto.decrypt(BOB, HEIGHT, ciphertext));
        assertThat(thrown).isInstanceOf(DecryptionFailedException.class);
        Secrets.assertNoSecretIn(thrown, List.of(ALICE, BOB, "181.5"));
    }

    @Test
    void associatedDataAloneSeparatesSubjectsEvenUnderOneKey() {
        // Even if two subjects had the same key, the subject is part of the associated data.
        KeysetHandle shared = Secrets.newAes256GcmKeyset();
        SubjectCrypto sharedKey = new SubjectCrypto(subject -> shared, TTL, clock);
        byte[] ciphertext = sharedKey.encrypt(ALICE, HEIGHT, utf8("181.5"));

        assertThat(sharedKey.decrypt(ALICE, HEIGHT, ciphertext)).isEqualTo(utf8("181.5"));
        assertThatThrownBy(() -> sharedKey.decrypt(BOB, HEIGHT, ciphertext))
                .isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void tamperedOrForeignInputFailsAsDecryptionFailed() {
        byte[] ciphertext = crypto.encrypt(ALICE, HEIGHT, utf8("181.5"));
        byte[] tampered = ciphertext.clone();
        tampered[tampered.length - 1] ^= 1;

        assertThatThrownBy(() -> crypto.decrypt(ALICE, HEIGHT, tampered)).isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> crypto.decrypt(ALICE, HEIGHT, Arrays.copyOf(ciphertext, 10)))
                .isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> crypto.decrypt(ALICE, HEIGHT, new byte[0])).isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> crypto.decryptFromBase64(ALICE, HEIGHT, "not base64 !"))
                .isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void rejectsPseudonymsThatWouldMakeTheAssociatedDataAmbiguous() {
        // ("a|b", "c") and ("a", "b|c") would otherwise share "mensura:v1|a|b|c".
        assertThatThrownBy(() -> crypto.encrypt("a|b", "c", new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> crypto.encrypt("", HEIGHT, new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> crypto.encrypt(ALICE, "", new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThat(source.fetches("a|b")).isZero();
    }

    @Test
    void oneFetchWithinTtlAndASecondAfterIt() {
        crypto.encrypt(ALICE, HEIGHT, utf8("1"));
        clock.advance(TTL.minusMillis(1));
        byte[] ciphertext = crypto.encrypt(ALICE, HEIGHT, utf8("2"));
        crypto.decrypt(ALICE, HEIGHT, ciphertext);
        assertThat(source.fetches(ALICE)).isEqualTo(1);

        clock.advance(Duration.ofMillis(1));
        assertThat(crypto.decrypt(ALICE, HEIGHT, ciphertext)).isEqualTo(utf8("2"));
        assertThat(source.fetches(ALICE)).isEqualTo(2);

        crypto.encrypt(ALICE, HEIGHT, utf8("3"));
        assertThat(source.fetches(ALICE)).isEqualTo(2);
    }

    @Test
    void subjectsAreCachedSeparately() {
        crypto.encrypt(ALICE, HEIGHT, utf8("1"));
        crypto.encrypt(BOB, HEIGHT, utf8("1"));
        crypto.encrypt(ALICE, HEIGHT, utf8("1"));
        crypto.encrypt(BOB, HEIGHT, utf8("1"));

        assertThat(source.fetches(ALICE)).isEqualTo(1);
        assertThat(source.fetches(BOB)).isEqualTo(1);
    }

    @Test
    void zeroTtlFetchesEveryTime() {
        SubjectCrypto uncached = new SubjectCrypto(source, Duration.ZERO, clock);
        uncached.encrypt(ALICE, HEIGHT, utf8("1"));
        uncached.encrypt(ALICE, HEIGHT, utf8("1"));
        assertThat(source.fetches(ALICE)).isEqualTo(2);
    }

    @Test
    void forgetForcesARefetch() {
        crypto.encrypt(ALICE, HEIGHT, utf8("1"));
        crypto.encrypt(BOB, HEIGHT, utf8("1"));

        crypto.forget(ALICE);
        crypto.encrypt(ALICE, HEIGHT, utf8("1"));
        crypto.encrypt(BOB, HEIGHT, utf8("1"));

        assertThat(source.fetches(ALICE)).isEqualTo(2);
        assertThat(source.fetches(BOB)).isEqualTo(1);
    }

    @Test
    void forgetAllForcesRefetchesOfEverySubject() {
        crypto.encrypt(ALICE, HEIGHT, utf8("1"));
        crypto.encrypt(BOB, HEIGHT, utf8("1"));

        crypto.forgetAll();
        crypto.encrypt(ALICE, HEIGHT, utf8("1"));
        crypto.encrypt(BOB, HEIGHT, utf8("1"));

        assertThat(source.fetches(ALICE)).isEqualTo(2);
        assertThat(source.fetches(BOB)).isEqualTo(2);
    }

    @Test
    void afterErasureAForgottenSubjectsOldCiphertextIsUnreadable() {
        byte[] height = crypto.encrypt(ALICE, HEIGHT, utf8("181.5"));
        String event = crypto.encryptToBase64(ALICE, PHOTO_TOPIC, "{\"landmarks\":[]}");
        byte[] bobs = crypto.encrypt(BOB, HEIGHT, utf8("170.0"));

        source.erase(ALICE);   // privacy-service destroys the key ...
        crypto.forget(ALICE);  // ... and the service reacts to the erasure event

        Throwable thrown = catchThrowable(() -> crypto.decrypt(ALICE, HEIGHT, height));
        assertThat(thrown).isInstanceOf(SubjectErasedException.class);
        Secrets.assertNoSecretIn(thrown, List.of(ALICE, "181.5"));
        assertThatThrownBy(() -> crypto.decryptFromBase64(ALICE, PHOTO_TOPIC, event))
                .isInstanceOf(SubjectErasedException.class);
        assertThatThrownBy(() -> crypto.encrypt(ALICE, HEIGHT, utf8("new data")))
                .isInstanceOf(SubjectErasedException.class);
        // Other subjects are unaffected.
        assertThat(crypto.decrypt(BOB, HEIGHT, bobs)).isEqualTo(utf8("170.0"));
    }

    @Test
    void withoutForgetTheTtlBoundsHowLongAnErasedKeyStaysUsable() {
        byte[] height = crypto.encrypt(ALICE, HEIGHT, utf8("181.5"));
        source.erase(ALICE);

        // The erasure event was missed: the cached primitive still works until the TTL ends.
        assertThat(crypto.decrypt(ALICE, HEIGHT, height)).isEqualTo(utf8("181.5"));
        clock.advance(TTL);
        assertThatThrownBy(() -> crypto.decrypt(ALICE, HEIGHT, height)).isInstanceOf(SubjectErasedException.class);
    }

    @Test
    void failuresAreNotCached() {
        AtomicBoolean down = new AtomicBoolean(true);
        AtomicInteger calls = new AtomicInteger();
        KeysetHandle key = Secrets.newAes256GcmKeyset();
        SubjectCrypto flaky = new SubjectCrypto(subject -> {
            calls.incrementAndGet();
            if (down.get()) {
                throw new KeyUnavailableException("privacy-service answered HTTP 503 for a key request");
            }
            return key;
        }, TTL, clock);

        assertThatThrownBy(() -> flaky.encrypt(ALICE, HEIGHT, utf8("1"))).isInstanceOf(KeyUnavailableException.class);
        down.set(false);
        flaky.encrypt(ALICE, HEIGHT, utf8("1"));
        flaky.encrypt(ALICE, HEIGHT, utf8("1"));

        assertThat(calls).hasValue(2);
    }

    @Test
    void unexpectedSourceFailuresBecomeKeyUnavailable() {
        SubjectCrypto broken = new SubjectCrypto(subject -> {
            throw new IllegalStateException("boom");
        }, TTL, clock);
        SubjectCrypto returnsNull = new SubjectCrypto(subject -> null, TTL, clock);

        Throwable thrown = catchThrowable(() -> broken.encrypt(ALICE, HEIGHT, utf8("1")));
        assertThat(thrown).isInstanceOf(KeyUnavailableException.class).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(thrown.getMessage()).doesNotContain(ALICE);
        assertThatThrownBy(() -> returnsNull.encrypt(ALICE, HEIGHT, utf8("1")))
                .isInstanceOf(KeyUnavailableException.class);
    }

    @Test
    void aKeysetThatIsNotAnAeadIsRejected() throws Exception {
        MacConfig.register();
        KeysetHandle mac = KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG);
        SubjectCrypto wrongKind = new SubjectCrypto(subject -> mac, TTL, clock);

        Throwable thrown = catchThrowable(() -> wrongKind.encrypt(ALICE, HEIGHT, utf8("1")));
        assertThat(thrown).isInstanceOf(KeyUnavailableException.class);
        Secrets.assertNoSecretIn(thrown, List.of(ALICE, Secrets.toJson(mac)));
    }

    @Test
    void concurrentFirstUsesOfOneSubjectShareOneFetch() throws Exception {
        CountDownLatch fetchStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger fetches = new AtomicInteger();
        KeysetHandle key = Secrets.newAes256GcmKeyset();
        SubjectCrypto slow = new SubjectCrypto(subject -> {
            fetches.incrementAndGet();
            fetchStarted.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return key;
        }, TTL, clock);

        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    ready.countDown();
                    return slow.encrypt(ALICE, HEIGHT, utf8("181.5"));
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(fetchStarted.await(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(100); // let the other threads pile up behind the fetch in flight
            release.countDown();
            for (Future<byte[]> r : results) {
                assertThat(slow.decrypt(ALICE, HEIGHT, r.get(10, TimeUnit.SECONDS))).isEqualTo(utf8("181.5"));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(fetches).hasValue(1);
    }

    @Test
    void cacheIsBoundedAndEvictsTheOldestFirst() {
        SubjectCrypto small = new SubjectCrypto(source, TTL, clock, 10);
        for (int i = 0; i < 25; i++) {
            small.encrypt("subject-" + i, HEIGHT, utf8("1"));
            assertThat(small.cachedSubjects()).isLessThanOrEqualTo(10);
        }
        small.encrypt("subject-24", HEIGHT, utf8("1")); // the newest is still cached
        small.encrypt("subject-0", HEIGHT, utf8("1"));  // the oldest was evicted

        assertThat(source.fetches("subject-24")).isEqualTo(1);
        assertThat(source.fetches("subject-0")).isEqualTo(2);
    }

    @Test
    void expiredEntriesAreEvictedBeforeLiveOnes() {
        SubjectCrypto small = new SubjectCrypto(source, TTL, clock, 10);
        small.encrypt("old", HEIGHT, utf8("1"));
        clock.advance(TTL);
        for (int i = 0; i < 10; i++) {
            small.encrypt("subject-" + i, HEIGHT, utf8("1"));
        }
        // Overflow removed only the expired "old" entry; all ten live ones stay.
        assertThat(small.cachedSubjects()).isEqualTo(10);
        for (int i = 0; i < 10; i++) {
            small.encrypt("subject-" + i, HEIGHT, utf8("1"));
            assertThat(source.fetches("subject-" + i)).isEqualTo(1);
        }
    }

    @Test
    void validatesConstructorArguments() {
        assertThatThrownBy(() -> new SubjectCrypto(null, TTL, clock)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SubjectCrypto(source, Duration.ofSeconds(-1), clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SubjectCrypto(source, TTL, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SubjectCrypto(source, TTL, clock, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
