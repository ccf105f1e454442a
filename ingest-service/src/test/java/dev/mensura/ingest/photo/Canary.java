package dev.mensura.ingest.photo;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Unique random marker strings planted in metadata, so a test can prove they are gone. */
final class Canary {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Canary() {
    }

    static String next(String label) {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return "canary-" + label + "-" + HexFormat.of().formatHex(b);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Naive search; inputs are small enough in tests. */
    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static boolean contains(byte[] haystack, String needle) {
        return indexOf(haystack, bytes(needle)) >= 0;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        return indexOf(haystack, needle) >= 0;
    }
}
