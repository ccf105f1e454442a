package dev.mensura.ingest.photo;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Builds test images in memory with ImageIO and decodes them again. Nothing is read from or
 * written to disk (ImageIO's cache is bypassed by using in-memory streams).
 */
final class TestImages {

    private TestImages() {
    }

    /** A deterministic image with gradients and noise, so compression has real work to do. */
    static BufferedImage rgbImage(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (x * 255 / Math.max(1, width - 1) + random.nextInt(32)) & 0xFF;
                int g = (y * 255 / Math.max(1, height - 1) + random.nextInt(32)) & 0xFF;
                int b = ((x + y) * 7 + random.nextInt(64)) & 0xFF;
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return image;
    }

    static byte[] jpeg(BufferedImage image, boolean progressive) {
        ImageWriter writer = writer("jpeg", "com.sun.imageio");
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        if (progressive) {
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        }
        return write(writer, image, param);
    }

    /** A baseline JPEG with a restart interval, so its scan contains RSTn markers. */
    static byte[] jpegWithRestarts(BufferedImage image, int interval) {
        ImageWriter writer = writer("jpeg", "com.sun.imageio");
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            javax.imageio.metadata.IIOMetadata metadata = writer.getDefaultImageMetadata(
                    javax.imageio.ImageTypeSpecifier.createFromRenderedImage(image), param);
            String format = "javax_imageio_jpeg_image_1.0";
            org.w3c.dom.Node tree = metadata.getAsTree(format);
            org.w3c.dom.Node markers = tree.getLastChild();
            javax.imageio.metadata.IIOMetadataNode dri = new javax.imageio.metadata.IIOMetadataNode("dri");
            dri.setAttribute("interval", Integer.toString(interval));
            markers.insertBefore(dri, markers.getFirstChild());
            metadata.setFromTree(format, tree);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                writer.setOutput(stream);
                writer.write(null, new IIOImage(image, null, metadata), param);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    /**
     * A CMYK JPEG written by TwelveMonkeys' JPEG writer, which adds the Adobe APP14 segment
     * (transform 0) that tells decoders the four components are CMYK.
     */
    static byte[] cmykJpeg(int width, int height, long seed) {
        ColorSpace cmyk = com.twelvemonkeys.imageio.color.ColorSpaces.getColorSpace(
                com.twelvemonkeys.imageio.color.ColorSpaces.CS_GENERIC_CMYK);
        ComponentColorModel model = new ComponentColorModel(cmyk, false, false,
                java.awt.Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        WritableRaster raster = model.createCompatibleWritableRaster(width, height);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setPixel(x, y, new int[] {
                    (x * 8 + random.nextInt(16)) & 0xFF, (y * 8 + random.nextInt(16)) & 0xFF,
                    ((x ^ y) * 4) & 0xFF, random.nextInt(40)});
            }
        }
        BufferedImage image = new BufferedImage(model, raster, false, null);
        ImageWriter writer = writer("jpeg", "com.twelvemonkeys");
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        return write(writer, image, param);
    }

    static byte[] png(BufferedImage image) {
        return write(writer("png", "com.sun.imageio"), image, null);
    }

    static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                if (!ImageIO.write(image, format, stream)) {
                    throw new IllegalStateException("no writer for " + format);
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] write(ImageWriter writer, BufferedImage image, ImageWriteParam param) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static ImageWriter writer(String format, String vendorPackage) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        while (writers.hasNext()) {
            ImageWriter writer = writers.next();
            if (writer.getClass().getName().startsWith(vendorPackage)) {
                return writer;
            }
            writer.dispose();
        }
        throw new IllegalStateException("no " + vendorPackage + " writer for " + format);
    }

    /** Decodes with the reader vision would use: TwelveMonkeys for JPEG and WebP, the JDK for PNG. */
    static BufferedImage decode(byte[] bytes, String format) {
        String vendor = format.equals("png") ? "com.sun.imageio" : "com.twelvemonkeys";
        ImageReader reader = reader(format, vendor);
        try (ImageInputStream in = new ByteArrayImageInputStream(bytes)) {
            reader.setInput(in);
            return reader.read(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            reader.dispose();
        }
    }

    static ImageReader reader(String format, String vendorPackage) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (reader.getClass().getName().startsWith(vendorPackage)) {
                return reader;
            }
            reader.dispose();
        }
        throw new IllegalStateException("no " + vendorPackage + " reader for " + format);
    }

    /** All ARGB pixels, for exact comparison of two decodes. */
    static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /** Raw raster samples (no colour conversion), for exact comparison of CMYK decodes. */
    static int[] samples(Raster raster) {
        return raster.getPixels(0, 0, raster.getWidth(), raster.getHeight(), (int[]) null);
    }

    static byte[] zip(String name, byte[] content) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(content);
                zip.closeEntry();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static int crc(byte[] data, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(data, offset, length);
        return (int) crc.getValue();
    }
}
