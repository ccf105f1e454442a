package dev.mensura.k8s;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** The renderings every policy holds for, each rendered once per test run. */
final class RenderedSets {
    static final String KUSTOMIZE_BASE = "kustomize base";
    static final String KUSTOMIZE_DEV = "kustomize dev";
    static final String KUSTOMIZE_GPU = "kustomize gpu";
    static final String HELM_DEFAULT = "helm default";
    static final String HELM_GPU = "helm gpu";

    private static final Map<String, Supplier<RenderedSet>> RENDERERS = Map.of(
            KUSTOMIZE_BASE, () -> Kustomize.render("k8s/base", false),
            KUSTOMIZE_DEV, () -> Kustomize.render("k8s/overlays/dev", false),
            KUSTOMIZE_GPU, () -> Kustomize.render("k8s/overlays/gpu", true),
            HELM_DEFAULT, () -> HelmChart.render(HELM_DEFAULT, Map.of()),
            HELM_GPU, () -> HelmChart.render(HELM_GPU, Map.of("gpu.enabled", true)));
    private static final Map<String, RenderedSet> RENDERED = new ConcurrentHashMap<>();

    private RenderedSets() {
    }

    static List<String> names() {
        return List.of(KUSTOMIZE_BASE, KUSTOMIZE_DEV, KUSTOMIZE_GPU, HELM_DEFAULT, HELM_GPU);
    }

    static RenderedSet get(String name) {
        return RENDERED.computeIfAbsent(name, n -> RENDERERS.get(n).get());
    }
}
