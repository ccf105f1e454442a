package dev.mensura.ingest.photo;

import static dev.mensura.ingest.photo.PhotoRejectedException.malformed;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ServiceRegistry;
import javax.imageio.stream.ImageInputStream;

/**
 * Second opinion on the dimensions, from the decoders vision will use: TwelveMonkeys for JPEG
 * (CMYK, YCCK, progressive, lossless) and WebP, the JDK for PNG. Our walkers and the decoders
 * must agree on how big the image is, or the pixel limits checked here would not bound what is
 * decoded later. Only {@code getWidth(0)/getHeight(0)} is called: the readers parse headers (JPEG
 * segments up to the first SOS, PNG IHDR, WebP VP8X/VP8/VP8L) and decode no pixels.
 *
 * <p>It runs on the stripped copy, which is what vision decodes, so the readers never parse the
 * uploaded metadata. Readers are built from their service providers directly rather than looked up
 * through {@code ImageIO}'s registry, which depends on the context class loader (Quarkus) and on
 * which plugins happen to be registered; and only in-memory streams are used: {@code ImageIO}'s
 * default stream factory caches to a temporary file on disk, which I1 forbids.
 */
final class DecoderHeaders {

    private static final String JDK_JPEG_READER = "com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi";
    private static final String JDK_PNG_READER = "com.sun.imageio.plugins.png.PNGImageReaderSpi";

    private static final ImageReaderSpi JPEG = twelveMonkeysJpeg();
    private static final ImageReaderSpi PNG = jdkProvider(JDK_PNG_READER);
    private static final ImageReaderSpi WEBP = new WebPImageReaderSpi();

    private DecoderHeaders() {
    }

    /** Refuses the image as MALFORMED unless the decoder reads exactly {@code width x height}. */
    static void verify(ImageFormat format, byte[] image, int width, int height) {
        ImageReaderSpi provider = switch (format) {
            case JPEG -> JPEG;
            case PNG -> PNG;
            case WEBP -> WEBP;
        };
        int decodedWidth;
        int decodedHeight;
        ImageReader reader = null;
        try (ImageInputStream in = new ByteArrayImageInputStream(image)) {
            reader = provider.createReaderInstance();
            reader.setInput(in, false, true);
            decodedWidth = reader.getWidth(0);
            decodedHeight = reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
            // IIOException for a header the decoder rejects; readers also throw unchecked exceptions
            // (IllegalStateException, IndexOutOfBounds ...) on hostile headers.
            throw malformed("decoder cannot read the image header");
        } finally {
            if (reader != null) {
                reader.dispose();
            }
        }
        if (decodedWidth != width || decodedHeight != height) {
            throw malformed("decoder reads different image dimensions");
        }
    }

    /**
     * TwelveMonkeys' JPEG reader wraps the JDK's (it delegates baseline decoding to it) and finds
     * that delegate only when it is registered in a {@link ServiceRegistry}. Registering both in a
     * private registry wires it up without touching the global one.
     */
    private static ImageReaderSpi twelveMonkeysJpeg() {
        ServiceRegistry registry = new ServiceRegistry(List.<Class<?>>of(ImageReaderSpi.class).iterator());
        registry.registerServiceProvider(jdkProvider(JDK_JPEG_READER), ImageReaderSpi.class);
        ImageReaderSpi twelveMonkeys = new com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi();
        registry.registerServiceProvider(twelveMonkeys, ImageReaderSpi.class);
        if (!registry.contains(twelveMonkeys)) {
            // it deregisters itself when it finds no delegate
            throw new IllegalStateException("TwelveMonkeys JPEG reader could not find the JDK's");
        }
        return twelveMonkeys;
    }

    /** The JDK's own readers are always registered in the default registry, whatever the class loader. */
    private static ImageReaderSpi jdkProvider(String className) {
        Iterator<ImageReaderSpi> providers = IIORegistry.getDefaultInstance()
                .getServiceProviders(ImageReaderSpi.class, false);
        while (providers.hasNext()) {
            ImageReaderSpi provider = providers.next();
            if (provider.getClass().getName().equals(className)) {
                return provider;
            }
        }
        throw new IllegalStateException("JDK image reader not available: " + className);
    }
}
