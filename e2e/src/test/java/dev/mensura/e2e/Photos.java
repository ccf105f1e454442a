package dev.mensura.e2e;

import dev.mensura.testkit.render.RenderedScene;
import dev.mensura.testkit.render.Scene;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;

/**
 * Rendered synthetic photos (testkit's renderer, a real body model) as a phone would send them,
 * and the canaries cut from them: every photo uploaded in this suite leaves a slice of its
 * entropy-coded pixel data here, which the final sweep looks for everywhere on disk.
 */
final class Photos {
    /** Long enough to be unique to one photo; pixel data, so metadata stripping does not remove it. */
    private static final int CANARY_BYTES = 32;
    private static final List<byte[]> CANARIES = new CopyOnWriteArrayList<>();

    private Photos() {
    }

    record Pair(byte[] front, byte[] side) {
    }

    /** The front and side photo of body {@code seed}, as JPEG; their canaries recorded. */
    static Pair of(long seed) {
        return new Pair(jpeg(Scene.front(seed)), jpeg(Scene.side(seed)));
    }

    /** A front photo with the arms down: vision refuses it with what to retake. */
    static Pair armsDown(long seed) {
        return new Pair(jpeg(Scene.armsDown(seed)), jpeg(Scene.side(seed)));
    }

    /** Every canary so far, raw and as base64 at each of the three alignments (JSON carries bytes that way). */
    static List<byte[]> canariesWithEncodings() {
        List<byte[]> all = new ArrayList<>();
        for (byte[] c : CANARIES) {
            all.add(c);
            for (int shift = 0; shift < 3; shift++) {
                byte[] aligned = Arrays.copyOfRange(c, shift, shift + (c.length - shift) / 3 * 3);
                all.add(Base64.getEncoder().encode(aligned));
                all.add(Base64.getUrlEncoder().withoutPadding().encode(aligned));
            }
        }
        return all;
    }

    static int canaryCount() {
        return CANARIES.size();
    }

    private static byte[] jpeg(RenderedScene scene) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(scene.image(), "jpg", out);
            byte[] bytes = out.toByteArray();
            CANARIES.add(scanSlice(bytes));
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@value #CANARY_BYTES} bytes from the middle of the scan (after the last SOS marker). */
    private static byte[] scanSlice(byte[] jpeg) {
        int sos = -1;
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xDA) {
                sos = i;
            }
        }
        if (sos < 0) {
            throw new IllegalStateException("no scan in the JPEG");
        }
        int middle = sos + (jpeg.length - sos) / 2;
        return Arrays.copyOfRange(jpeg, middle, middle + CANARY_BYTES);
    }
}
