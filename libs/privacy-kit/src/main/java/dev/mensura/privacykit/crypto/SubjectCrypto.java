package dev.mensura.privacykit.crypto;

import dev.mensura.privacykit.transport.PeerClients;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Encrypts personal data with the subject's own data key (invariant I5): a Tink AEAD keyset
 * (AES256_GCM) per subject, held by privacy-service. Erasure destroys that key
 * (crypto-shredding), after which every ciphertext for the subject, wherever a copy lives
 * (database rows, backups, Kafka logs), is unreadable.
 *
 * <p><b>Binding to a place.</b> Every ciphertext is bound to its subject and its place through
 * the associated data {@code "mensura:v1|" + subjectPseudonym + "|" + place} (UTF-8), e.g. place
 * {@code "ingest.job.height_cm"} or {@code "topic:photo.received"}: a ciphertext copied into
 * another column, another topic or another subject's row does not decrypt. Pseudonyms must not
 * contain {@code '|'} (base64url pseudonyms never do), so the associated data is unambiguous.
 *
 * <p><b>Cache.</b> Per subject, the ready {@link Aead} primitive (never the serialized keyset) is
 * kept in memory only, for {@code cacheTtl} after it was fetched, for at most
 * {@link #DEFAULT_MAX_ENTRIES} subjects (the oldest are evicted first). Concurrent first uses of
 * one subject share one fetch. Failures are not cached. After an erasure a service still holds
 * the key until the TTL runs out unless it calls {@link #forget(String)}, which services do on
 * the erasure event; the TTL bounds the window when an event is missed.
 *
 * <p>Thread-safe. Exception messages never contain the pseudonym, the place's data or keys.
 */
public final class SubjectCrypto {

    /** Bound on cached subjects unless the constructor says otherwise. */
    public static final int DEFAULT_MAX_ENTRIES = 10_000;

    private static final String AD_PREFIX = "mensura:v1|";
    private static final byte[] AD_PREFIX_BYTES = AD_PREFIX.getBytes(StandardCharsets.US_ASCII);
    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    private static final Base64.Decoder BASE64_DECODER = Base64.getDecoder();

    private final SubjectKeySource source;
    private final long ttlMillis;
    private final Clock clock;
    private final int maxEntries;
    private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    /** One cached (or being fetched) primitive. {@code seq} orders entries by age for eviction. */
    private static final class Entry {
        final CompletableFuture<Aead> aead = new CompletableFuture<>();
        final long expiresAtMillis;
        final long seq;

        Entry(long expiresAtMillis, long seq) {
            this.expiresAtMillis = expiresAtMillis;
            this.seq = seq;
        }

        boolean usableAt(long nowMillis) {
            // A fetch still in flight is waited for even if it outlived the TTL: starting a
            // second one would only add load on privacy-service.
            return nowMillis < expiresAtMillis || !aead.isDone();
        }
    }

    /**
     * @param source   where keysets come from
     * @param cacheTtl how long a fetched primitive is used before it is fetched again; zero
     *                 disables caching
     * @param clock    time source for the TTL
     */
    public SubjectCrypto(SubjectKeySource source, Duration cacheTtl, Clock clock) {
        this(source, cacheTtl, clock, DEFAULT_MAX_ENTRIES);
    }

    /** As {@link #SubjectCrypto(SubjectKeySource, Duration, Clock)} with a custom cache bound. */
    public SubjectCrypto(SubjectKeySource source, Duration cacheTtl, Clock clock, int maxEntries) {
        this.source = Objects.requireNonNull(source, "source");
        Objects.requireNonNull(cacheTtl, "cacheTtl");
        if (cacheTtl.isNegative()) {
            throw new IllegalArgumentException("cacheTtl must not be negative");
        }
        this.ttlMillis = cacheTtl.toMillis();
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1");
        }
        this.maxEntries = maxEntries;
        AeadRegistration.ensure();
    }

    /**
     * Over privacy-service ({@link SubjectKeySource#overHttp(URI, Supplier)}), with the system
     * UTC clock.
     */
    public static SubjectCrypto overHttp(URI privacyBaseUrl, Supplier<String> serviceToken, Duration cacheTtl) {
        return overHttp(privacyBaseUrl, serviceToken, cacheTtl, PeerClients.PLAIN);
    }

    /** As {@link #overHttp(URI, Supplier, Duration)}, reaching privacy-service through {@code peers}. */
    public static SubjectCrypto overHttp(URI privacyBaseUrl, Supplier<String> serviceToken, Duration cacheTtl,
                                         PeerClients peers) {
        return new SubjectCrypto(SubjectKeySource.overHttp(privacyBaseUrl, serviceToken, peers), cacheTtl,
                Clock.systemUTC());
    }

    /**
     * Encrypts {@code plaintext} for the subject, bound to {@code place}.
     *
     * @throws SubjectErasedException  if the subject has been erased
     * @throws KeyUnavailableException if the key cannot be obtained
     */
    public byte[] encrypt(String subjectPseudonym, String place, byte[] plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] ad = associatedData(subjectPseudonym, place);
        try {
            return aead(subjectPseudonym).encrypt(plaintext, ad);
        } catch (GeneralSecurityException e) {
            // AES-GCM encryption with a valid key does not fail; if it does, Tink is broken.
            throw new IllegalStateException("encryption failed (" + e.getClass().getName() + ")", e);
        }
    }

    /**
     * Decrypts a ciphertext from {@link #encrypt}; the subject and place must be the ones it was
     * encrypted for.
     *
     * @throws DecryptionFailedException if it does not decrypt (tampered, other subject, other
     *                                   place, not a ciphertext)
     * @throws SubjectErasedException    if the subject has been erased
     * @throws KeyUnavailableException   if the key cannot be obtained
     */
    public byte[] decrypt(String subjectPseudonym, String place, byte[] ciphertext) {
        Objects.requireNonNull(ciphertext, "ciphertext");
        byte[] ad = associatedData(subjectPseudonym, place);
        Aead aead = aead(subjectPseudonym);
        try {
            return aead.decrypt(ciphertext, ad);
        } catch (GeneralSecurityException e) {
            // Tink's message says nothing about the data; keep the cause for its type only.
            throw new DecryptionFailedException(
                    "ciphertext does not decrypt with this subject's key at this place", e);
        }
    }

    /** {@link #encrypt} of the UTF-8 bytes of {@code utf8Text}, as standard base64 (for JSON). */
    public String encryptToBase64(String subjectPseudonym, String place, String utf8Text) {
        Objects.requireNonNull(utf8Text, "utf8Text");
        return BASE64.encodeToString(encrypt(subjectPseudonym, place, utf8Text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Reverse of {@link #encryptToBase64}.
     *
     * @throws DecryptionFailedException also if {@code base64} is not valid standard base64
     */
    public String decryptFromBase64(String subjectPseudonym, String place, String base64) {
        Objects.requireNonNull(base64, "base64");
        byte[] ciphertext;
        try {
            ciphertext = BASE64_DECODER.decode(base64);
        } catch (IllegalArgumentException e) {
            throw new DecryptionFailedException("ciphertext is not valid base64");
        }
        return new String(decrypt(subjectPseudonym, place, ciphertext), StandardCharsets.UTF_8);
    }

    /** Drops the subject's key from the cache (called on erasure events); the next use refetches. */
    public void forget(String subjectPseudonym) {
        Objects.requireNonNull(subjectPseudonym, "subjectPseudonym");
        cache.remove(subjectPseudonym);
    }

    /** Drops every cached key. */
    public void forgetAll() {
        cache.clear();
    }

    /** Number of subjects currently cached (including fetches in flight); for tests and metrics. */
    int cachedSubjects() {
        return cache.size();
    }

    /**
     * The associated data a ciphertext of the subject at {@code place} is bound to; public for the
     * key holder (privacy-service), which opens such ciphertexts with the keyset in hand.
     */
    public static byte[] associatedData(String subjectPseudonym, String place) {
        Objects.requireNonNull(subjectPseudonym, "subjectPseudonym");
        Objects.requireNonNull(place, "place");
        if (subjectPseudonym.isEmpty() || subjectPseudonym.indexOf('|') >= 0) {
            throw new IllegalArgumentException("subjectPseudonym must be non-empty and must not contain '|'");
        }
        if (place.isEmpty()) {
            throw new IllegalArgumentException("place must not be empty");
        }
        // Fast path for the usual all-ASCII pseudonym and place: one allocation, no String.
        byte[] ad = new byte[AD_PREFIX_BYTES.length + subjectPseudonym.length() + 1 + place.length()];
        System.arraycopy(AD_PREFIX_BYTES, 0, ad, 0, AD_PREFIX_BYTES.length);
        int at = putAscii(subjectPseudonym, ad, AD_PREFIX_BYTES.length);
        if (at >= 0) {
            ad[at] = '|';
            if (putAscii(place, ad, at + 1) >= 0) {
                return ad;
            }
        }
        return (AD_PREFIX + subjectPseudonym + "|" + place).getBytes(StandardCharsets.UTF_8);
    }

    /** Copies {@code s} into {@code dst} at {@code at}; returns the next index, or -1 if not ASCII. */
    private static int putAscii(String s, byte[] dst, int at) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return -1;
            }
            dst[at++] = (byte) c;
        }
        return at;
    }

    private Aead aead(String subjectPseudonym) {
        while (true) {
            long now = clock.millis();
            Entry current = cache.get(subjectPseudonym);
            if (current != null && current.usableAt(now)) {
                return await(current);
            }
            Entry mine = new Entry(expiry(now), sequence.incrementAndGet());
            boolean installed = current == null
                    ? cache.putIfAbsent(subjectPseudonym, mine) == null
                    : cache.replace(subjectPseudonym, current, mine);
            if (!installed) {
                continue; // another thread installed or removed an entry meanwhile: look again
            }
            if (cache.size() > maxEntries) {
                evict(now);
            }
            load(subjectPseudonym, mine);
            return await(mine);
        }
    }

    private long expiry(long now) {
        long at = now + ttlMillis;
        return at < now ? Long.MAX_VALUE : at; // saturate on overflow (huge TTLs)
    }

    /** Fetches in the calling thread; waiters on the same entry share the result. */
    private void load(String subjectPseudonym, Entry entry) {
        try {
            KeysetHandle handle = source.fetch(subjectPseudonym);
            if (handle == null) {
                throw new KeyUnavailableException("key source returned no keyset");
            }
            Aead aead;
            try {
                aead = handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
            } catch (GeneralSecurityException e) {
                throw new KeyUnavailableException("keyset is not a usable Tink AEAD keyset ("
                        + e.getClass().getName() + ")");
            }
            entry.aead.complete(aead);
        } catch (Throwable t) {
            // Failures are not cached: the next call fetches again.
            cache.remove(subjectPseudonym, entry);
            entry.aead.completeExceptionally(t);
        }
    }

    private static Aead await(Entry entry) {
        try {
            // getNow first: the warm path neither parks nor allocates.
            Aead done = entry.aead.getNow(null);
            return done != null ? done : entry.aead.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SubjectErasedException || cause instanceof KeyUnavailableException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new KeyUnavailableException("key source failed ("
                    + (cause == null ? "unknown" : cause.getClass().getName()) + ")", cause);
        }
    }

    /**
     * Brings the cache back under its bound: first drops expired entries; if that is not enough,
     * drops the oldest down to 90 % of the bound, so that the O(n) scan runs once per tenth of the
     * bound in new subjects rather than on every miss.
     */
    private void evict(long now) {
        cache.entrySet().removeIf(e -> !e.getValue().usableAt(now));
        if (cache.size() <= maxEntries) {
            return;
        }
        int target = maxEntries - maxEntries / 10;
        int excess = cache.size() - target;
        if (excess <= 0) {
            return;
        }
        List<Map.Entry<String, Entry>> byAge = new ArrayList<>(cache.entrySet());
        byAge.sort(Comparator.comparingLong(e -> e.getValue().seq));
        for (int i = 0; i < byAge.size() && excess > 0; i++) {
            Map.Entry<String, Entry> oldest = byAge.get(i);
            if (cache.remove(oldest.getKey(), oldest.getValue())) {
                excess--;
            }
        }
    }
}
