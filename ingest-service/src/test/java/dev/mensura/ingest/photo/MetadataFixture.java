package dev.mensura.ingest.photo;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Identifying metadata as cameras and editors write it, each field carrying its own random
 * canary: an EXIF block (IFD0 with Orientation, Make, Artist; EXIF IFD with
 * FocalLengthIn35mmFilm, FocalLength, MakerNote, serial number; GPS IFD with latitude,
 * longitude and a processing method; IFD1 with an embedded JPEG thumbnail), XMP, IPTC in a
 * Photoshop resource block, and a comment.
 */
final class MetadataFixture {

    static final int TAG_MAKE = 0x010F;
    static final int TAG_ORIENTATION = 0x0112;
    static final int TAG_ARTIST = 0x013B;
    static final int TAG_COMPRESSION = 0x0103;
    static final int TAG_EXIF_IFD = 0x8769;
    static final int TAG_GPS_IFD = 0x8825;
    static final int TAG_JPEG_IF = 0x0201;
    static final int TAG_JPEG_IF_LENGTH = 0x0202;
    static final int TAG_EXIF_VERSION = 0x9000;
    static final int TAG_FOCAL_LENGTH = 0x920A;
    static final int TAG_MAKER_NOTE = 0x927C;
    static final int TAG_FOCAL_35 = 0xA405;
    static final int TAG_BODY_SERIAL = 0xA431;

    static final byte[] EXIF_HEADER = {'E', 'x', 'i', 'f', 0, 0};
    static final String XMP_NAMESPACE = "http://ns.adobe.com/xap/1.0/";
    static final String PHOTOSHOP = "Photoshop 3.0";

    final String make = Canary.next("make");
    final String artist = Canary.next("artist");
    final String makerNote = Canary.next("makernote");
    final String serial = Canary.next("serial");
    final String gps = Canary.next("gps");
    final String thumbnail = Canary.next("thumbnail");
    final String xmp = Canary.next("xmp");
    final String iptc = Canary.next("iptc");
    final String comment = Canary.next("comment");

    final int orientation;
    final Integer focal35;
    final ByteOrder order;

    MetadataFixture(int orientation, Integer focal35, ByteOrder order) {
        this.orientation = orientation;
        this.focal35 = focal35;
        this.order = order;
    }

    static MetadataFixture standard() {
        return new MetadataFixture(6, 26, ByteOrder.LITTLE_ENDIAN);
    }

    /** Every canary planted by this fixture. */
    List<String> canaries() {
        return List.of(make, artist, makerNote, serial, gps, thumbnail, xmp, iptc, comment);
    }

    /** The EXIF TIFF structure (without the JPEG "Exif\0\0" prefix). */
    byte[] tiff() {
        TiffBuilder t = new TiffBuilder(order);
        TiffBuilder.Ifd gpsIfd = t.ifd()
                .bytes(0x0000, TiffBuilder.BYTE, new byte[] {2, 3, 0, 0})       // GPSVersionID
                .ascii(0x0001, "N")                                              // GPSLatitudeRef
                .rationals(0x0002, 52, 1, 31, 1, 1234, 100)                     // GPSLatitude
                .ascii(0x0003, "E")                                              // GPSLongitudeRef
                .rationals(0x0004, 13, 1, 24, 1, 5678, 100)                     // GPSLongitude
                .bytes(0x001B, TiffBuilder.UNDEFINED, Canary.bytes("ASCII\0\0\0" + gps)); // GPSProcessingMethod
        TiffBuilder.Ifd exifIfd = t.ifd()
                .bytes(TAG_EXIF_VERSION, TiffBuilder.UNDEFINED, Canary.bytes("0232"))
                .rationals(TAG_FOCAL_LENGTH, 425, 100)
                .bytes(TAG_MAKER_NOTE, TiffBuilder.UNDEFINED, Canary.bytes("Apple iOS\0\0\1MM" + makerNote))
                .ascii(TAG_BODY_SERIAL, serial);
        if (focal35 != null) {
            exifIfd.shorts(TAG_FOCAL_35, focal35);
        }
        byte[] thumbnailJpeg = Jpegs.insert(TestImages.jpeg(TestImages.rgbImage(16, 12, 7), false),
                2, Jpegs.segment(Jpegs.COM, Canary.bytes(thumbnail)));
        TiffBuilder.Ifd ifd1 = t.ifd()
                .shorts(TAG_COMPRESSION, 6)
                .blobOffset(TAG_JPEG_IF, thumbnailJpeg)
                .longs(TAG_JPEG_IF_LENGTH, thumbnailJpeg.length);
        TiffBuilder.Ifd ifd0 = t.ifd()
                .ascii(TAG_MAKE, make)
                .ascii(TAG_ARTIST, artist)
                .pointer(TAG_EXIF_IFD, exifIfd)
                .pointer(TAG_GPS_IFD, gpsIfd)
                .next(ifd1);
        if (orientation > 0) {
            ifd0.shorts(TAG_ORIENTATION, orientation);
        }
        return t.build(ifd0);
    }

    byte[] xmpPacket() {
        return ("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\" dc:creator=\"" + xmp + "\"/>"
                + "</rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>").getBytes(StandardCharsets.UTF_8);
    }

    /** Photoshop image resource block with one IPTC-NAA resource (0x0404) holding By-line 2:80. */
    byte[] photoshopIptc() {
        byte[] name = Canary.bytes(iptc);
        ByteArrayOutputStream iptcRecord = new ByteArrayOutputStream();
        iptcRecord.writeBytes(new byte[] {0x1C, 0x02, 0x50, (byte) (name.length >>> 8), (byte) name.length});
        iptcRecord.writeBytes(name);
        byte[] record = iptcRecord.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Canary.bytes(PHOTOSHOP + "\0"));
        out.writeBytes(Canary.bytes("8BIM"));
        out.writeBytes(new byte[] {0x04, 0x04, 0x00, 0x00});
        out.writeBytes(new byte[] {(byte) (record.length >>> 24), (byte) (record.length >>> 16),
            (byte) (record.length >>> 8), (byte) record.length});
        out.writeBytes(record);
        if ((record.length & 1) == 1) {
            out.write(0);
        }
        return out.toByteArray();
    }

    /** APP1 Exif, APP1 XMP, APP13 Photoshop/IPTC and COM segments. */
    byte[][] jpegSegments() {
        return new byte[][] {
            Jpegs.segment(Jpegs.APP1, EXIF_HEADER, tiff()),
            Jpegs.segment(Jpegs.APP1, Canary.bytes(XMP_NAMESPACE + "\0"), xmpPacket()),
            Jpegs.segment(Jpegs.APP13, photoshopIptc()),
            Jpegs.segment(Jpegs.COM, Canary.bytes(comment)),
        };
    }

    static byte[] iccProfile() {
        return ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    }

    /** The ICC profile as one APP2 segment (sequence 1 of 1). */
    static byte[] iccSegment() {
        return Jpegs.segment(Jpegs.APP2, Canary.bytes("ICC_PROFILE\0"),
                TestImages.concat(new byte[] {1, 1}, iccProfile()));
    }
}
