package dev.mensura.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;

import java.util.Map;

/** Which Deployments an HPA or a KEDA ScaledObject scales. */
final class Autoscalers {
    private Autoscalers() {
    }

    static boolean targets(RenderedSet set, String deployment) {
        return hpaTargets(set, deployment) || scaledObjectTargets(set, deployment);
    }

    static boolean hpaTargets(RenderedSet set, String deployment) {
        return set.all(HorizontalPodAutoscaler.class).anyMatch(h -> "Deployment".equals(h.getSpec().getScaleTargetRef().getKind())
                && deployment.equals(h.getSpec().getScaleTargetRef().getName()));
    }

    static boolean scaledObjectTargets(RenderedSet set, String deployment) {
        return set.ofKind("ScaledObject").anyMatch(o -> deployment.equals(scaleTargetName(o)));
    }

    @SuppressWarnings("unchecked")
    static String scaleTargetName(Object scaledObject) {
        Map<String, Object> spec = (Map<String, Object>) ((GenericKubernetesResource) scaledObject).getAdditionalProperties().get("spec");
        Map<String, Object> target = spec == null ? null : (Map<String, Object>) spec.get("scaleTargetRef");
        return target == null ? null : (String) target.get("name");
    }
}
