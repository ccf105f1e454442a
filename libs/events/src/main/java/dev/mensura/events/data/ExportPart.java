package dev.mensura.events.data;

/**
 * One part of a service's answer to an export request. A service sends {@code partCount} records
 * for a request, {@code partIndex} 0 to {@code partCount - 1}; a service that holds nothing sends
 * one record with {@code partCount} 0 and no content. Records for one request may arrive more
 * than once (the request is asked again); privacy-service keeps each part once.
 *
 * @param name          the file name inside the service's folder of the zip, e.g. {@code jobs.json}
 * @param mediaType     e.g. {@code application/json}, {@code text/csv}, {@code model/gltf-binary}
 * @param sealedContent personal data, so base64 of
 *     {@code SubjectCrypto.encrypt(subjectPseudonym, PLACE, content)}; {@code null} when {@code partCount} is 0
 */
public record ExportPart(String requestId, String subjectPseudonym, String service, int partIndex, int partCount,
                         String name, String mediaType, String sealedContent) {

    /** Where part ciphertexts belong: a copy anywhere else will not decrypt. */
    public static final String PLACE = "topic:subject.export.completed";

    /** The answer of a service that holds nothing about the subject. */
    public static ExportPart nothingHeld(String requestId, String subjectPseudonym, String service) {
        return new ExportPart(requestId, subjectPseudonym, service, 0, 0, null, null, null);
    }
}
