package dev.mensura.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The objects one rendering produced (a kustomize overlay or the Helm chart with some values), parsed
 * with Fabric8's model: core kinds become their model classes, custom resources (ScaledObject,
 * ServiceMonitor) GenericKubernetesResource.
 *
 * @param name what was rendered, for messages
 * @param gpu  whether this rendering chose GPUs for vision and fitting
 */
record RenderedSet(String name, boolean gpu, List<HasMetadata> objects) {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

    static RenderedSet parse(String name, boolean gpu, String multiDocumentYaml) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : DOCUMENT_SEPARATOR.split(multiDocumentYaml)) {
            if (hasContent(document)) {
                objects.add(SERIALIZATION.unmarshal(document, HasMetadata.class));
            }
        }
        if (objects.isEmpty()) {
            throw new IllegalStateException(name + " rendered nothing");
        }
        return new RenderedSet(name, gpu, List.copyOf(objects));
    }

    /** Helm separates documents with comments ("# Source: ..."); a document of comments only is no object. */
    private static boolean hasContent(String document) {
        return document.lines().map(String::strip).anyMatch(line -> !line.isEmpty() && !line.startsWith("#"));
    }

    <T extends HasMetadata> Stream<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast);
    }

    Stream<HasMetadata> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.getKind()));
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }

    @Override
    public String toString() {
        return name;
    }
}
