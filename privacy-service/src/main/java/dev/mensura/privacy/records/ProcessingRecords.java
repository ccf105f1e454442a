package dev.mensura.privacy.records;

import dev.mensura.privacy.records.ProcessingRecord.Controller;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The installation's record and notice, loaded and rendered once. Eager ({@link Startup}) so an
 * invalid {@code processing-activities.json} stops the service from starting instead of turning
 * the privacy notice into a 500. The controller's name and contacts come from configuration when
 * set ({@code mensura.privacy.controller.name|contact|dpo}): they belong to the installation, not
 * to Mensura; the resource holds placeholders. An operator whose processing differs (its own
 * processors, hosting outside the EEA) mounts its own copy and names it in
 * {@code mensura.privacy.records.file}; it passes the same checks.
 */
@Startup
@ApplicationScoped
public class ProcessingRecords {
    private final ProcessingRecord record;
    private final String art30Markdown;
    private final PrivacyNotice notice;
    private final String noticeMarkdown;

    public ProcessingRecords(@ConfigProperty(name = "mensura.privacy.policy-version") String policyVersion,
                             @ConfigProperty(name = "mensura.privacy.controller.name") Optional<String> name,
                             @ConfigProperty(name = "mensura.privacy.controller.contact") Optional<String> contact,
                             @ConfigProperty(name = "mensura.privacy.controller.dpo") Optional<String> dpo,
                             @ConfigProperty(name = "mensura.privacy.records.file") Optional<Path> file) {
        ProcessingRecord loaded = file.map(ProcessingRecordLoader::load).orElseGet(ProcessingRecordLoader::load);
        Controller defaults = loaded.controller();
        this.record = loaded.withController(new Controller(name.orElse(defaults.name()),
                contact.orElse(defaults.contact()), dpo.isEmpty() ? defaults.dataProtectionOfficer() : dpo(dpo.get())));
        this.art30Markdown = new Art30Renderer().render(record, policyVersion);
        PrivacyNoticeRenderer notices = new PrivacyNoticeRenderer();
        this.notice = notices.notice(record, policyVersion);
        this.noticeMarkdown = notices.markdown(notice);
    }

    /** "none": the operator needs no data protection officer (Art. 37), so the documents name none. */
    private static String dpo(String configured) {
        return "none".equalsIgnoreCase(configured.strip()) ? null : configured;
    }

    public ProcessingRecord record() {
        return record;
    }

    public String art30Markdown() {
        return art30Markdown;
    }

    public PrivacyNotice notice() {
        return notice;
    }

    public String noticeMarkdown() {
        return noticeMarkdown;
    }
}
