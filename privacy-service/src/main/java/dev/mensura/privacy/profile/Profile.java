package dev.mensura.privacy.profile;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a subject may state about itself. {@code statedHeightCm} is the default height for new
 * jobs; {@code preferredUnits} is {@code metric} or {@code imperial}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Profile(Integer statedHeightCm, String preferredUnits) {
    static final Profile EMPTY = new Profile(null, null);

    /** RFC 7396 merge: a field present in the patch replaces, an absent one stays. */
    Profile merge(Profile patch) {
        return new Profile(patch.statedHeightCm() != null ? patch.statedHeightCm() : statedHeightCm,
                patch.preferredUnits() != null ? patch.preferredUnits() : preferredUnits);
    }
}
