package dev.mensura.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * No pod holds a key that signs tokens. The services authenticate each other by their mTLS client
 * certificates ({@code spiffe://mensura/<name>-service}) alone, and the public API accepts only the OIDC
 * issuer's tokens; the former shared service-token key (Secret mensura-jwt-signing, key jwt-private.pem)
 * would let any pod that holds it sign tokens the API accepts. So no workload mounts that Secret (as a
 * volume, projected or not, or in its env), no container sets SmallRye JWT's signing key, nothing points
 * at jwt-private.pem, and no rendering creates the Secret, not even as a placeholder.
 */
final class NoTokenSigningKeyPolicy implements Policy {
    static final String SIGNING_SECRET = "mensura-jwt-signing";
    static final String SIGNING_KEY_FILE = "jwt-private.pem";
    /** SmallRye JWT's signing key, as a file (…_LOCATION) or inline. */
    static final Set<String> SIGNING_ENV = Set.of("SMALLRYE_JWT_SIGN_KEY_LOCATION", "SMALLRYE_JWT_SIGN_KEY");

    @Override
    public List<String> violations(RenderedSet set) {
        List<String> violations = new ArrayList<>();
        Workload.in(set).forEach(w -> {
            if (w.pod().getVolumes() != null) {
                w.pod().getVolumes().forEach(v -> volume(w, v, violations));
            }
            w.allContainers().forEach(c -> container(w, c, violations));
        });
        set.all(Secret.class).filter(s -> SIGNING_SECRET.equals(s.getMetadata().getName())).forEach(s -> violations.add(
                "Secret " + SIGNING_SECRET + ": rendered; services authenticate by client certificate and need no token signing key"));
        return violations;
    }

    private static void volume(Workload w, Volume v, List<String> violations) {
        if (v.getSecret() != null && SIGNING_SECRET.equals(v.getSecret().getSecretName())) {
            violations.add(w + ": volume " + v.getName() + " mounts the Secret " + SIGNING_SECRET);
        }
        if (v.getProjected() != null && v.getProjected().getSources() != null) {
            for (VolumeProjection source : v.getProjected().getSources()) {
                if (source.getSecret() != null && SIGNING_SECRET.equals(source.getSecret().getName())) {
                    violations.add(w + ": projected volume " + v.getName() + " mounts the Secret " + SIGNING_SECRET);
                }
            }
        }
    }

    private static void container(Workload w, Container c, List<String> violations) {
        String where = w + " container " + c.getName();
        if (c.getEnv() != null) {
            for (EnvVar e : c.getEnv()) {
                if (SIGNING_ENV.contains(e.getName())) {
                    violations.add(where + ": sets " + e.getName() + ", a key to sign tokens with");
                } else if (e.getValue() != null && e.getValue().contains(SIGNING_KEY_FILE)) {
                    violations.add(where + ": " + e.getName() + " points at " + SIGNING_KEY_FILE);
                }
                if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null
                        && SIGNING_SECRET.equals(e.getValueFrom().getSecretKeyRef().getName())) {
                    violations.add(where + ": " + e.getName() + " comes from the Secret " + SIGNING_SECRET);
                }
            }
        }
        if (c.getEnvFrom() != null) {
            for (EnvFromSource from : c.getEnvFrom()) {
                if (from.getSecretRef() != null && SIGNING_SECRET.equals(from.getSecretRef().getName())) {
                    violations.add(where + ": takes its env from the Secret " + SIGNING_SECRET);
                }
            }
        }
        if (c.getVolumeMounts() != null) {
            c.getVolumeMounts().stream().filter(m -> Objects.toString(m.getMountPath(), "").contains(SIGNING_KEY_FILE)
                            || Objects.toString(m.getSubPath(), "").contains(SIGNING_KEY_FILE))
                    .forEach(m -> violations.add(where + ": mounts " + SIGNING_KEY_FILE + " at " + m.getMountPath()));
        }
    }
}
