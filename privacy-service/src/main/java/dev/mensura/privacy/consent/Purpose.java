package dev.mensura.privacy.consent;

import java.util.Arrays;
import java.util.Optional;

/** What a subject can consent to. Processing checks the purpose it needs, nothing broader. */
public enum Purpose {
    BODY_MEASUREMENT("body-measurement");

    private final String slug;

    Purpose(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    public static Optional<Purpose> fromSlug(String slug) {
        return Arrays.stream(values()).filter(p -> p.slug.equals(slug)).findFirst();
    }
}
