package dev.mensura.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * With GPUs, vision and fitting each get one and are scaled by KEDA on their Kafka consumer lag; without,
 * they get none. Never an HPA and a ScaledObject on the same Deployment: KEDA's own HPA and the other
 * would fight over the replica count.
 */
final class GpuScalingPolicy implements Policy {
    static final String GPU = "nvidia.com/gpu";
    static final Set<String> ON_GPU = Set.of("vision", "fitting");
    static final Map<String, List<String>> CONSUMER = Map.of(
            "vision", List.of("vision-service", "photo.received"),
            "fitting", List.of("fitting-service", "vision.completed"));

    @Override
    public List<String> violations(RenderedSet set) {
        List<String> violations = new ArrayList<>();
        Workload.in(set).forEach(w -> {
            boolean hasGpu = w.containers().stream().anyMatch(c -> c.getResources() != null
                    && c.getResources().getLimits() != null && isOne(c.getResources().getLimits().get(GPU)));
            boolean wantsGpu = set.gpu() && ON_GPU.contains(w.name());
            if (wantsGpu && !hasGpu) {
                violations.add(w + ": no " + GPU + " limit of 1");
            } else if (!wantsGpu && hasGpu) {
                violations.add(w + ": holds a GPU in a set without GPUs for it");
            }
            if (Autoscalers.hpaTargets(set, w.name()) && Autoscalers.scaledObjectTargets(set, w.name())) {
                violations.add(w + ": scaled by both an HPA and a ScaledObject");
            }
        });
        if (set.gpu()) {
            for (String name : ON_GPU) {
                if (Autoscalers.hpaTargets(set, name)) {
                    violations.add(name + ": has an HPA although KEDA scales it on GPUs");
                }
                kafkaScaledObject(set, name, violations);
            }
        }
        return violations;
    }

    private static boolean isOne(Quantity q) {
        return q != null && Quantity.getAmountInBytes(q).intValue() == 1;
    }

    @SuppressWarnings("unchecked")
    private static void kafkaScaledObject(RenderedSet set, String name, List<String> violations) {
        List<GenericKubernetesResource> objects = set.ofKind("ScaledObject").map(GenericKubernetesResource.class::cast)
                .filter(o -> name.equals(Autoscalers.scaleTargetName(o))).toList();
        if (objects.isEmpty()) {
            violations.add(name + ": no KEDA ScaledObject");
        }
        for (GenericKubernetesResource o : objects) {
            Map<String, Object> spec = (Map<String, Object>) o.getAdditionalProperties().get("spec");
            List<Map<String, Object>> triggers = (List<Map<String, Object>>) spec.get("triggers");
            boolean kafka = triggers != null && triggers.stream().anyMatch(t -> "kafka".equals(t.get("type"))
                    && t.get("metadata") instanceof Map<?, ?> m
                    && CONSUMER.get(name).get(0).equals(m.get("consumerGroup"))
                    && CONSUMER.get(name).get(1).equals(m.get("topic")));
            if (!kafka) {
                violations.add("ScaledObject " + o.getMetadata().getName() + ": no kafka trigger on consumer group "
                        + CONSUMER.get(name).get(0) + " and topic " + CONSUMER.get(name).get(1));
            }
        }
    }
}
