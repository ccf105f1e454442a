package dev.mensura.privacy.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import dev.mensura.events.data.ExportPart;
import dev.mensura.privacy.consent.ConsentService;
import dev.mensura.privacy.consent.Subject;
import dev.mensura.privacy.dsr.DsrRequest;
import dev.mensura.privacy.dsr.DsrViews;
import dev.mensura.privacy.keys.SubjectKeys;
import dev.mensura.privacy.profile.ProfileService;
import dev.mensura.privacy.restriction.RestrictionService;
import dev.mensura.privacykit.crypto.SubjectCrypto;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Assembles a completed export into a zip: privacy-service's own data read at download time, and
 * every other service's parts opened with the subject's key. Built in memory and never written
 * to disk; an export is a few hundred kilobytes plus the subject's models.
 */
@ApplicationScoped
public class ExportArchive {
    public static final String FORMAT = "mensura-export/1";

    private final SubjectKeys keys;
    private final ConsentService consents;
    private final ProfileService profiles;
    private final RestrictionService restrictions;
    private final ObjectWriter json;

    public ExportArchive(SubjectKeys keys, ConsentService consents, ProfileService profiles,
                         RestrictionService restrictions, ObjectMapper mapper) {
        this.keys = keys;
        this.consents = consents;
        this.profiles = profiles;
        this.restrictions = restrictions;
        this.json = mapper.writerWithDefaultPrettyPrinter();
    }

    /** A file of the zip: {@code folder/name}. */
    public record ArchiveFile(String folder, String name, String mediaType, byte[] content) {
        String path() {
            return folder + "/" + name;
        }
    }

    public record ManifestEntry(String path, String mediaType, int bytes) {
    }

    public record Manifest(String format, String requestId, String subjectPseudonym, Instant requestedAt,
                           Instant completedAt, Instant generatedAt, List<ManifestEntry> files) {
    }

    public Uni<byte[]> zip(DsrRequest request) {
        return files(request).map(files -> write(request, files));
    }

    /** Every file of the export, privacy-service's first. */
    public Uni<List<ArchiveFile>> files(DsrRequest request) {
        String subject = request.subjectPseudonym;
        List<ArchiveFile> files = new ArrayList<>();
        return Panache.withSession(() -> Subject.<Subject>findById(subject))
                .invoke(row -> files.add(own(PrivacyExport.SUBJECT, row == null ? Map.of()
                        : Map.of("pseudonym", row.pseudonym, "createdAt", row.createdAt))))
                .chain(() -> consents.consentsOf(subject)).invoke(c -> files.add(own(PrivacyExport.CONSENTS, c)))
                .chain(() -> profiles.read(subject)).invoke(p -> files.add(own(PrivacyExport.PROFILE, p.profile())))
                .chain(() -> restrictions.status(subject)).invoke(r -> files.add(own(PrivacyExport.RESTRICTION, r)))
                .chain(() -> requestsOf(subject)).invoke(r -> files.add(own(PrivacyExport.REQUESTS, r)))
                .chain(() -> servicesParts(request)).invoke(files::addAll)
                .replaceWith(files);
    }

    private Uni<List<DsrViews.DsrView>> requestsOf(String subject) {
        return Panache.withSession(() -> DsrRequest.<DsrRequest>list(
                        "subjectPseudonym = ?1 order by requestedAt", subject))
                .onItem().transformToMulti(list -> Multi.createFrom().iterable(list))
                .onItem().transformToUniAndConcatenate(DsrViews::of)
                .collect().asList();
    }

    private Uni<List<ArchiveFile>> servicesParts(DsrRequest request) {
        return Panache.withSession(() -> ExportPartRow.<ExportPartRow>list(
                        "key.requestId = ?1 order by key.service, key.name", request.id))
                .chain(rows -> rows.isEmpty() ? Uni.createFrom().item(List.of())
                        : keys.keysetFor(request.subjectPseudonym).map(keyset -> open(request, keyset, rows)));
    }

    private static List<ArchiveFile> open(DsrRequest request, KeysetHandle keyset, List<ExportPartRow> rows) {
        byte[] ad = SubjectCrypto.associatedData(request.subjectPseudonym, ExportPart.PLACE);
        try {
            Aead aead = keyset.getPrimitive(Aead.class);
            List<ArchiveFile> files = new ArrayList<>();
            for (ExportPartRow row : rows) {
                files.add(new ArchiveFile(row.key.service(), row.key.name(), row.mediaType, aead.decrypt(row.sealed, ad)));
            }
            return files;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("an export part does not open with the subject's key", e);
        }
    }

    private ArchiveFile own(String name, Object value) {
        try {
            return new ArchiveFile(PrivacyExport.SERVICE, name, "application/json", json.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("export part cannot be written", e);
        }
    }

    private byte[] write(DsrRequest request, List<ArchiveFile> files) {
        List<ManifestEntry> entries = files.stream()
                .map(f -> new ManifestEntry(f.path(), f.mediaType(), f.content().length)).toList();
        var manifest = new Manifest(FORMAT, request.id.toString(), request.subjectPseudonym, request.requestedAt,
                request.completedAt, Instant.now(), entries);
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            put(zip, "README.txt", readme().getBytes(StandardCharsets.UTF_8));
            put(zip, "manifest.json", json.writeValueAsBytes(manifest));
            for (ArchiveFile file : files) {
                put(zip, file.path(), file.content());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String path, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(path));
        zip.write(content);
        zip.closeEntry();
    }

    private static String readme() {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("manifest.json", "what this export contains and when it was made");
        lines.put("privacy-service/", "your consents and their history, profile, restriction, your requests");
        lines.put("ingest-service/", "your measurement jobs (no photos: they are destroyed within 300 seconds)");
        lines.put("fitting-service/", "your measurements (JSON, CSV) and body models (.glb), when you have any");
        lines.put("audit-service/", "audit entries about you, when you have any");
        StringBuilder text = new StringBuilder("Everything Mensura holds about you (GDPR Art. 15 and 20).\n"
                + "You are identified inside Mensura only by the pseudonym in manifest.json.\n\n");
        lines.forEach((k, v) -> text.append(k).append("  ").append(v).append('\n'));
        return text.toString();
    }
}
