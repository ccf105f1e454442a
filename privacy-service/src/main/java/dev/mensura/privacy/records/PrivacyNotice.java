package dev.mensura.privacy.records;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The privacy notice as the app receives it in JSON: the same sections the Markdown shows, so an
 * app can lay it out natively. {@code policyVersion} is what a consent must quote (I4).
 */
public record PrivacyNotice(String policyVersion, String title, List<Section> sections) {

    /** {@code paragraphs} come before {@code items}; either may be empty. Texts are plain, no markup. */
    public record Section(String id, String heading, List<String> paragraphs, List<Item> items) {
    }

    /** A labelled line, for example "Erasure (Art. 17)" and what it means for the reader. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String label, String text) {
    }
}
