package dev.mensura.k8s;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** helm lint --strict, through Helm's own library. */
class HelmChartLintTest {

    @Test
    void chartPassesStrictLint() {
        LintResult result = new Helm(HelmChart.chart()).lint().strict().call();
        assertThat(result.isFailed()).as("helm lint: %s", result.getMessages()).isFalse();
    }
}
