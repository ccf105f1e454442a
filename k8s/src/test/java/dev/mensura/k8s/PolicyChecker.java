package dev.mensura.k8s;

import java.util.List;
import java.util.stream.Stream;

/** Every policy a rendered deployment of Mensura must keep, whichever tool rendered it. */
final class PolicyChecker {
    static final List<Policy> ALL = List.of(
            new PhotosInRamPolicy(),
            new RestrictedPodsPolicy(),
            new ProbesAndMetricsPolicy(),
            new NetworkIsolationPolicy(),
            new CompleteWorkloadsPolicy(),
            new GpuScalingPolicy(),
            new PlaceholderSecretsPolicy(),
            new TlsIdentityPolicy(),
            new NoTokenSigningKeyPolicy());

    private PolicyChecker() {
    }

    static List<String> violations(RenderedSet set) {
        return ALL.stream().flatMap(p -> p.violations(set).stream().map(v -> p.getClass().getSimpleName() + ": " + v))
                .toList();
    }

    static Stream<String> violationsOf(Policy policy, RenderedSet set) {
        return policy.violations(set).stream();
    }
}
