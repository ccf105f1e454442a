package dev.mensura.ingest.photo;

/**
 * What the structural walk of one container found: the image dimensions from its header, where
 * its EXIF block (a TIFF structure) lies, and how to build the stripped copy.
 *
 * @param width width from the frame header (JPEG SOFn, PNG IHDR, WebP canvas)
 * @param height height from the frame header
 * @param exifOffset offset of the TIFF header of the first EXIF block in the upload, or -1
 * @param exifLength length of that TIFF block, 0 when there is none
 * @param plan the kept pieces of the upload
 */
record ContainerScan(int width, int height, int exifOffset, int exifLength, CopyPlan plan) {

    boolean hasExif() {
        return exifOffset >= 0 && exifLength > 0;
    }
}
