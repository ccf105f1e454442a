package dev.mensura.k8s;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

import java.nio.file.Path;
import java.util.Map;

/**
 * Renders helm/mensura with Helm's own Go library (helm-java, through JNA): the same engine as
 * {@code helm template}, without a helm binary (Debian has none).
 */
final class HelmChart {
    static final String NAMESPACE = "mensura";

    private HelmChart() {
    }

    static Path chart() {
        return RepositoryRoot.path().resolve("helm/mensura");
    }

    static RenderedSet render(String name, Map<String, Object> values) {
        TemplateCommand template = new Helm(chart()).template()
                .withName("mensura")
                .withNamespace(NAMESPACE)
                .withKubeVersion("1.30.0");
        values.forEach(template::set);
        boolean gpu = Boolean.TRUE.equals(values.get("gpu.enabled"));
        return RenderedSet.parse(name, gpu, template.call());
    }
}
