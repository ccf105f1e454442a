package dev.mensura.privacy.records;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Renders {@code docs/privacy/} from {@code processing-activities.json} and the policy version in
 * {@code application.properties}, exactly as the service does with its defaults. {@link
 * RecordsDocsTest} compares and, with {@code -Dmensura.records.write=true}, writes through here.
 */
public final class RecordsDocsGenerator {
    static final String WRITE_PROPERTY = "mensura.records.write";
    static final String REGENERATE = "./mvnw -B -o -pl privacy-service test -Dtest=RecordsDocsTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -D" + WRITE_PROPERTY + "=true";

    private RecordsDocsGenerator() {
    }

    /** Path relative to the repository root → content. */
    static Map<String, String> render() {
        ProcessingRecord record = ProcessingRecordLoader.load();
        String version = policyVersion();
        Map<String, String> docs = new LinkedHashMap<>();
        docs.put("docs/privacy/art30-record.md", new Art30Renderer().render(record, version));
        docs.put("docs/privacy/privacy-notice.md", new PrivacyNoticeRenderer().markdown(record, version));
        return docs;
    }

    /** The version the service announces by default; the documents carry it, so bumping it means regenerating. */
    static String policyVersion() {
        Properties properties = new Properties();
        try (InputStream in = RecordsDocsGenerator.class.getClassLoader().getResourceAsStream("application.properties")) {
            if (in == null) {
                throw new IllegalStateException("application.properties is not on the classpath");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = properties.getProperty("mensura.privacy.policy-version");
        if (version == null || version.isBlank()) {
            throw new IllegalStateException("mensura.privacy.policy-version is not set in application.properties");
        }
        return version.strip();
    }

    /** The repository root: the first directory upwards from the working directory with privacy-service/pom.xml. */
    static Path repositoryRoot() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("privacy-service/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no directory above " + System.getProperty("user.dir")
                + " contains privacy-service/pom.xml");
    }

    static void write(Path root, Map<String, String> docs) throws IOException {
        for (var doc : docs.entrySet()) {
            Path file = root.resolve(doc.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, doc.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** Writes the documents under the repository root found from the working directory. */
    public static void main(String[] args) throws IOException {
        Path root = repositoryRoot();
        Map<String, String> docs = render();
        write(root, docs);
        System.out.println("wrote " + docs.keySet() + " under " + root);
    }
}
