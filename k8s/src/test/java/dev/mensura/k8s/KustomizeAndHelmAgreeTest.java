package dev.mensura.k8s;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For the same choice, kustomize and Helm make the same objects (kind and name). One deliberate
 * difference: the dev overlay generates placeholder Secrets so that it applies as it is; the chart
 * never holds secrets and only names the ones the operator creates.
 */
class KustomizeAndHelmAgreeTest {

    @Test
    void baseAndDefaultValuesMakeTheSameObjects() {
        assertThat(kindsAndNames(RenderedSets.KUSTOMIZE_BASE)).isEqualTo(kindsAndNames(RenderedSets.HELM_DEFAULT));
    }

    @Test
    void devOverlayAddsOnlyPlaceholderSecrets() {
        Set<String> dev = kindsAndNames(RenderedSets.KUSTOMIZE_DEV);
        Set<String> secrets = dev.stream().filter(k -> k.startsWith("Secret/")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(secrets).isNotEmpty();
        dev.removeAll(secrets);
        assertThat(dev).isEqualTo(kindsAndNames(RenderedSets.HELM_DEFAULT));
    }

    @Test
    void gpuOverlayAndGpuValuesMakeTheSameObjects() {
        assertThat(kindsAndNames(RenderedSets.KUSTOMIZE_GPU)).isEqualTo(kindsAndNames(RenderedSets.HELM_GPU));
    }

    private static Set<String> kindsAndNames(String set) {
        return RenderedSets.get(set).objects().stream()
                .map(o -> o.getKind() + "/" + o.getMetadata().getName())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
