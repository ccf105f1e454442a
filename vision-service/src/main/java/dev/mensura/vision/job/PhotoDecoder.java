package dev.mensura.vision.job;

import dev.mensura.privacykit.destruction.SecureDestruction;
import dev.mensura.vision.image.RgbImage;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DataBufferUShort;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;

/**
 * Decodes a fetched photo (JPEG, PNG or WebP through ImageIO and TwelveMonkeys) into pixels and
 * zeroes every intermediate copy: the encoded bytes and the decoder's raster.
 */
final class PhotoDecoder {
    static final long MAX_PIXELS = 50_000_000L;

    private PhotoDecoder() {
    }

    /** @throws UnusablePhotoException when the bytes are not an image vision can read */
    static RgbImage decode(byte[] encoded) {
        BufferedImage image = null;
        try {
            image = ImageIO.read(new ByteArrayInputStream(encoded));
            if (image == null) {
                throw new UnusablePhotoException("photo-unreadable");
            }
            if ((long) image.getWidth() * image.getHeight() > MAX_PIXELS) {
                throw new UnusablePhotoException("photo-too-large");
            }
            int w = image.getWidth();
            int h = image.getHeight();
            int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
            for (int i = 0; i < rgb.length; i++) {
                rgb[i] &= 0xFFFFFF;
            }
            return new RgbImage(w, h, rgb);
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnusablePhotoException u) {
                throw u;
            }
            throw new UnusablePhotoException("photo-unreadable");
        } finally {
            SecureDestruction.zero(encoded);
            if (image != null) {
                wipe(image.getRaster().getDataBuffer());
            }
        }
    }

    private static void wipe(DataBuffer buffer) {
        if (buffer instanceof DataBufferByte b) {
            for (int bank = 0; bank < b.getNumBanks(); bank++) {
                Arrays.fill(b.getData(bank), (byte) 0);
            }
        } else if (buffer instanceof DataBufferInt i) {
            for (int bank = 0; bank < i.getNumBanks(); bank++) {
                Arrays.fill(i.getData(bank), 0);
            }
        } else if (buffer instanceof DataBufferUShort s) {
            for (int bank = 0; bank < s.getNumBanks(); bank++) {
                Arrays.fill(s.getData(bank), (short) 0);
            }
        }
    }
}
