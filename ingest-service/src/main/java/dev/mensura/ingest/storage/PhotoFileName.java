package dev.mensura.ingest.storage;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of a photo file in the upload directory: {@code <random>.<view>.<job pseudonym>}.
 *
 * <p>The random part makes it unguessable; the view and the job's pseudonym (a keyed HMAC, the
 * same one the audit entries carry, never the job id or anything about the subject) let the
 * sweep after a crash attribute a leftover file to its job, so that the job's destruction
 * receipt shows that photo destroyed too (I2 provable after a kill -9).
 */
public record PhotoFileName(String view, String jobPseudonym) {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern LABELLED = Pattern.compile("[A-Za-z0-9_-]{24}\\.(front|side)\\.([A-Za-z0-9_-]{16,64})");

    /** A fresh name; without a job pseudonym, only the random part (the file cannot be attributed). */
    public static String newName(String view, String jobPseudonym) {
        String random = randomPart();
        if (jobPseudonym == null) {
            return random;
        }
        String name = random + "." + view + "." + jobPseudonym;
        if (!LABELLED.matcher(name).matches()) {
            throw new IllegalArgumentException("view or job pseudonym not fit for a file name");
        }
        return name;
    }

    /** The view and job a file name was given for, when it was given one. */
    public static Optional<PhotoFileName> parse(String fileName) {
        Matcher m = LABELLED.matcher(fileName);
        return m.matches() ? Optional.of(new PhotoFileName(m.group(1), m.group(2))) : Optional.empty();
    }

    private static String randomPart() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
