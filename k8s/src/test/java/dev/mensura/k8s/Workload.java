package dev.mensura.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Anything that runs pods, reduced to what the policies look at. Every kind that carries a pod
 * template counts, so that a policy cannot be dodged by using a StatefulSet or a Job instead.
 */
record Workload(String kind, String name, String namespace, Map<String, String> podLabels,
                Map<String, String> podAnnotations, PodSpec pod, Integer replicas) {

    static Stream<Workload> in(RenderedSet set) {
        return set.objects().stream().map(Workload::of).flatMap(Optional::stream);
    }

    static Optional<Workload> of(HasMetadata object) {
        if (object instanceof Deployment d) {
            return Optional.of(from(d, d.getSpec().getTemplate(), d.getSpec().getReplicas()));
        } else if (object instanceof StatefulSet s) {
            return Optional.of(from(s, s.getSpec().getTemplate(), s.getSpec().getReplicas()));
        } else if (object instanceof DaemonSet d) {
            return Optional.of(from(d, d.getSpec().getTemplate(), null));
        } else if (object instanceof ReplicaSet r) {
            return Optional.of(from(r, r.getSpec().getTemplate(), r.getSpec().getReplicas()));
        } else if (object instanceof Job j) {
            return Optional.of(from(j, j.getSpec().getTemplate(), null));
        } else if (object instanceof CronJob c) {
            return Optional.of(from(c, c.getSpec().getJobTemplate().getSpec().getTemplate(), null));
        } else if (object instanceof Pod p) {
            return Optional.of(new Workload(p.getKind(), p.getMetadata().getName(), p.getMetadata().getNamespace(),
                    orEmpty(p.getMetadata().getLabels()), orEmpty(p.getMetadata().getAnnotations()), p.getSpec(), 1));
        }
        return Optional.empty();
    }

    private static Workload from(HasMetadata owner, PodTemplateSpec template, Integer replicas) {
        return new Workload(owner.getKind(), owner.getMetadata().getName(), owner.getMetadata().getNamespace(),
                orEmpty(template.getMetadata() == null ? null : template.getMetadata().getLabels()),
                orEmpty(template.getMetadata() == null ? null : template.getMetadata().getAnnotations()),
                template.getSpec(), replicas);
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }

    /** Containers and init containers: both run in the pod, both must be restricted. */
    List<Container> allContainers() {
        List<Container> all = new ArrayList<>();
        if (pod.getInitContainers() != null) {
            all.addAll(pod.getInitContainers());
        }
        if (pod.getContainers() != null) {
            all.addAll(pod.getContainers());
        }
        return all;
    }

    List<Container> containers() {
        return pod.getContainers() == null ? List.of() : pod.getContainers();
    }

    @Override
    public String toString() {
        return kind + "/" + name;
    }
}
