package dev.mensura.privacy.records;

import dev.mensura.privacy.records.PrivacyNotice.Item;
import dev.mensura.privacy.records.PrivacyNotice.Section;
import dev.mensura.privacy.records.ProcessingRecord.EndpointStatus;
import dev.mensura.privacy.records.ProcessingRecord.LawfulBasis;
import dev.mensura.privacy.records.ProcessingRecord.Retention;
import dev.mensura.privacy.records.ProcessingRecord.Right;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The privacy notice for users (Art. 13), from the same record as the Art. 30 record: short,
 * in the second person, no legal terms beyond the article numbers. The app shows it before
 * login and consent, so it must make sense on its own.
 */
public final class PrivacyNoticeRenderer {

    public PrivacyNotice notice(ProcessingRecord record, String policyVersion) {
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("about", "About this notice", List.of(
                "This notice tells you what happens to your photos and your data when you use Mensura, "
                        + "and what you can do about it.",
                "Version " + policyVersion + ". When you give your consent, we record it together with this version."),
                List.of()));

        var controller = record.controller();
        List<String> who = new ArrayList<>();
        who.add(capitalize(controller.name()) + " is responsible for your data.");
        who.add("Contact: " + controller.contact() + ".");
        if (controller.dataProtectionOfficer() != null) {
            who.add("Data protection officer: " + controller.dataProtectionOfficer() + ".");
        }
        sections.add(new Section("controller", "Who is responsible", who, List.of()));

        sections.add(new Section("purposes", "What we do with your data, and why", List.of(),
                record.purposes().stream().map(p -> new Item(p.name(), p.plain() + " " + withoutFinalStop(p.plainBasis())
                        + " (" + p.lawfulBasis().stream().map(LawfulBasis::article).collect(Collectors.joining(", "))
                        + ").")).toList()));

        List<String> keepNotes = new ArrayList<>();
        if (record.dataCategories().stream().anyMatch(c -> c.retention().kind() == Retention.Kind.KEPT)) {
            keepNotes.add("If you erase your data or withdraw your consent, your personal key is destroyed at once "
                    + "and everything listed here is deleted, except the records filed under a code.");
        } else {
            keepNotes.add("If you erase your data or withdraw your consent, your personal key is destroyed at once "
                    + "and everything listed here is deleted.");
        }
        sections.add(new Section("data", "What we keep, and for how long", keepNotes,
                record.dataCategories().stream().map(c -> new Item(label(c.plainName(), c.name()),
                        c.plain() + " Kept " + RetentionWording.plainLimit(c.retention()) + ".")).toList()));

        sections.add(new Section("sharing", "Who receives your data", List.of(record.recipients().plain(),
                record.thirdCountryTransfers().plain(), record.automatedDecisions().plain()), List.of()));

        sections.add(new Section("protection", "How we protect it", List.of(),
                record.measures().stream().map(m -> new Item(label(m.plainName(), m.name()), m.plain())).toList()));

        sections.add(new Section("rights", "Your rights", List.of("You can use these rights at any time, free of charge."),
                record.rights().stream().map(r -> new Item(r.name() + " (" + r.article() + " GDPR)",
                        r.plain() + (comingSoon(r) ? " Coming soon." : ""))).toList()));

        return new PrivacyNotice(policyVersion, "Privacy notice", sections);
    }

    public String markdown(PrivacyNotice notice) {
        Markdown md = new Markdown();
        md.heading(1, notice.title());
        for (Section section : notice.sections()) {
            md.heading(2, section.heading());
            section.paragraphs().forEach(md::paragraph);
            if (!section.items().isEmpty()) {
                md.bullets(section.items().stream()
                        .map(i -> i.label() == null ? i.text() : "**" + i.label() + ":** " + i.text()).toList());
            }
        }
        return md.build();
    }

    public String markdown(ProcessingRecord record, String policyVersion) {
        return markdown(notice(record, policyVersion));
    }

    /** A right whose every endpoint is still announced; the notice must not pretend it works today. */
    private static boolean comingSoon(Right right) {
        return !right.endpoints().isEmpty()
                && right.endpoints().stream().allMatch(e -> e.status() == EndpointStatus.ANNOUNCED);
    }

    /** The everyday name where the record has one, else the record's own. */
    static String label(String plainName, String name) {
        return plainName != null ? plainName : name;
    }

    private static String withoutFinalStop(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
