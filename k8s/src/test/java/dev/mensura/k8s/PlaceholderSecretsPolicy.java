package dev.mensura.k8s;

import io.fabric8.kubernetes.api.model.Secret;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rendered Secret may only carry obvious placeholders (and user names, which are not secret). The
 * message names the Secret and key, never the value.
 */
final class PlaceholderSecretsPolicy implements Policy {
    static final String PLACEHOLDER_PREFIX = "CHANGE-ME";
    static final Set<String> NOT_SECRET_KEYS = Set.of("username");

    @Override
    public List<String> violations(RenderedSet set) {
        List<String> violations = new ArrayList<>();
        set.all(Secret.class).forEach(secret -> {
            String where = "Secret " + secret.getMetadata().getName();
            check(where, secret.getData(), true, violations);
            check(where, secret.getStringData(), false, violations);
        });
        return violations;
    }

    private static void check(String where, Map<String, String> entries, boolean base64, List<String> violations) {
        if (entries == null) {
            return;
        }
        entries.forEach((key, raw) -> {
            String value = base64 ? new String(Base64.getDecoder().decode(raw), StandardCharsets.UTF_8) : raw;
            if (!NOT_SECRET_KEYS.contains(key) && !value.startsWith(PLACEHOLDER_PREFIX)) {
                violations.add(where + " key " + key + ": holds something other than a " + PLACEHOLDER_PREFIX + " placeholder");
            }
        });
    }
}
