package dev.mensura.k8s;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rendering (kustomize base, dev and gpu; Helm with default values and with GPUs) keeps every policy. */
class RenderedSetsKeepPoliciesTest {

    static List<String> sets() {
        return RenderedSets.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void rendersAllFiveServices(String name) {
        RenderedSet set = RenderedSets.get(name);
        assertThat(set.all(Deployment.class).map(d -> d.getMetadata().getName()))
                .containsExactlyInAnyOrder("ingest", "privacy", "vision", "fitting", "audit");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void keepsEveryPolicy(String name) {
        RenderedSet set = RenderedSets.get(name);
        assertThat(PolicyChecker.violations(set)).as("policy violations in %s", name).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void placesEveryObjectInTheMensuraNamespace(String name) {
        RenderedSet set = RenderedSets.get(name);
        assertThat(set.objects()).filteredOn(o -> !"Namespace".equals(o.getKind()))
                .allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).as("%s/%s", o.getKind(), o.getMetadata().getName())
                        .isEqualTo("mensura"));
    }
}
