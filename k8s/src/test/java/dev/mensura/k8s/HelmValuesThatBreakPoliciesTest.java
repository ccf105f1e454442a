package dev.mensura.k8s;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart's values can break a policy, and the checks notice it in a real rendering: an operator who
 * raises the upload budget without raising ingest's memory limit is told so by the tests.
 */
class HelmValuesThatBreakPoliciesTest {

    @Test
    void anUploadBudgetTheMemoryLimitCannotHoldIsReported() {
        RenderedSet set = HelmChart.render("helm with 1 GiB of uploads", Map.of("ingest.uploadBudgetBytes", 1073741824L));
        assertThat(new PhotosInRamPolicy().violations(set)).containsExactly(
                "Deployment/ingest container ingest: upload tmpfs 1024.0 MiB does not fit in memory limit 1280.0 MiB"
                        + " minus heap 512.0 MiB");
    }

    @Test
    void gpuWithoutKedaWouldBeReported() {
        // Turning CPU autoscaling off everywhere still renders; with GPUs the ScaledObjects remain.
        RenderedSet set = HelmChart.render("helm gpu, no HPAs", Map.of("gpu.enabled", true,
                "services.ingest.autoscaling.enabled", false));
        assertThat(new GpuScalingPolicy().violations(set)).isEmpty();
        assertThat(Autoscalers.hpaTargets(set, "ingest")).isFalse();
    }
}
