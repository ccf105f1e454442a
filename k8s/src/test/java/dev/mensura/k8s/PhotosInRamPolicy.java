package dev.mensura.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EmptyDirVolumeSource;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Invariant I1 in the deployment: the photos ingest writes land on a tmpfs sized exactly to the budget
 * the service admits uploads against, and the container's memory limit holds that tmpfs next to the
 * heap (tmpfs pages are charged to the container). Nothing anywhere may mount a node's disk (hostPath)
 * or a persistent volume.
 */
final class PhotosInRamPolicy implements Policy {
    static final String INGEST = "ingest";
    static final String UPLOAD_DIR_ENV = "MENSURA_INGEST_UPLOAD_DIR";
    static final String BUDGET_ENV = "MENSURA_INGEST_UPLOAD_BUDGET_BYTES";

    @Override
    public List<String> violations(RenderedSet set) {
        List<String> violations = new ArrayList<>();
        noDiskThatOutlivesThePod(set, violations);
        List<Workload> ingest = Workload.in(set).filter(w -> INGEST.equals(w.name())).toList();
        if (ingest.isEmpty()) {
            violations.add("no ingest workload");
        }
        for (Workload workload : ingest) {
            for (Container container : workload.containers()) {
                uploadDirInRam(workload, container, violations);
            }
        }
        return violations;
    }

    private static void noDiskThatOutlivesThePod(RenderedSet set, List<String> violations) {
        set.ofKind("PersistentVolumeClaim").forEach(o -> violations.add("PersistentVolumeClaim " + o.getMetadata().getName()));
        set.ofKind("PersistentVolume").forEach(o -> violations.add("PersistentVolume " + o.getMetadata().getName()));
        Workload.in(set).forEach(w -> {
            for (Volume v : volumes(w)) {
                if (v.getHostPath() != null) {
                    violations.add(w + ": volume " + v.getName() + " is a hostPath");
                }
                if (v.getPersistentVolumeClaim() != null) {
                    violations.add(w + ": volume " + v.getName() + " is a PersistentVolumeClaim");
                }
                if (v.getEphemeral() != null) {
                    violations.add(w + ": volume " + v.getName() + " is an ephemeral volume claim");
                }
            }
        });
        set.ofKind("StatefulSet").forEach(o -> {
            var sts = (io.fabric8.kubernetes.api.model.apps.StatefulSet) o;
            if (sts.getSpec().getVolumeClaimTemplates() != null && !sts.getSpec().getVolumeClaimTemplates().isEmpty()) {
                violations.add("StatefulSet/" + o.getMetadata().getName() + " has volumeClaimTemplates");
            }
        });
    }

    private static void uploadDirInRam(Workload ingest, Container container, List<String> violations) {
        String where = ingest + " container " + container.getName();
        Optional<String> uploadDir = Memory.env(container, UPLOAD_DIR_ENV);
        if (uploadDir.isEmpty()) {
            violations.add(where + ": no " + UPLOAD_DIR_ENV);
            return;
        }
        Optional<Long> budget = Memory.env(container, BUDGET_ENV).map(Long::parseLong);
        if (budget.isEmpty()) {
            violations.add(where + ": no " + BUDGET_ENV + " (it must equal the upload tmpfs's sizeLimit)");
        }
        // The filesystem a path lies on is that of the deepest mount holding it.
        List<VolumeMount> holding = container.getVolumeMounts() == null ? List.of()
                : container.getVolumeMounts().stream().filter(m -> holds(m.getMountPath(), uploadDir.get())).toList();
        int deepest = holding.stream().map(m -> m.getMountPath().length()).max(Comparator.naturalOrder()).orElse(-1);
        List<VolumeMount> uploadMounts = holding.stream().filter(m -> m.getMountPath().length() == deepest).toList();
        if (uploadMounts.isEmpty()) {
            violations.add(where + ": nothing is mounted at the upload dir " + uploadDir.get());
        }
        for (VolumeMount mount : uploadMounts) {
            Optional<Volume> volume = volumes(ingest).stream().filter(v -> v.getName().equals(mount.getName())).findFirst();
            EmptyDirVolumeSource emptyDir = volume.map(Volume::getEmptyDir).orElse(null);
            if (emptyDir == null || !"Memory".equals(emptyDir.getMedium())) {
                violations.add(where + ": the upload dir " + uploadDir.get() + " is on volume " + mount.getName()
                        + ", not an emptyDir with medium Memory");
                continue;
            }
            if (emptyDir.getSizeLimit() == null) {
                violations.add(where + ": the upload tmpfs " + mount.getName() + " has no sizeLimit");
                continue;
            }
            long sizeLimit = Memory.bytes(emptyDir.getSizeLimit());
            budget.filter(b -> b != sizeLimit).ifPresent(b -> violations.add(where + ": " + BUDGET_ENV + " " + b
                    + " differs from the upload tmpfs's sizeLimit " + sizeLimit));
            fitsInMemoryLimit(where, container, sizeLimit, violations);
        }
    }

    private static void fitsInMemoryLimit(String where, Container container, long sizeLimit, List<String> violations) {
        Optional<Long> limit = Memory.limit(container);
        Optional<Long> heap = Memory.heap(container);
        if (limit.isEmpty()) {
            violations.add(where + ": no memory limit to hold the upload tmpfs");
        } else if (heap.isEmpty()) {
            violations.add(where + ": no -Xmx in JAVA_OPTS or JAVA_TOOL_OPTIONS; the heap must be bounded next to the tmpfs");
        } else if (sizeLimit > limit.get() - heap.get()) {
            violations.add(where + ": upload tmpfs " + Memory.mib(sizeLimit) + " does not fit in memory limit "
                    + Memory.mib(limit.get()) + " minus heap " + Memory.mib(heap.get()));
        }
    }

    private static boolean holds(String mountPath, String path) {
        String mount = mountPath.endsWith("/") ? mountPath : mountPath + "/";
        return path.equals(mountPath) || (path + "/").startsWith(mount);
    }

    private static List<Volume> volumes(Workload w) {
        return w.pod().getVolumes() == null ? List.of() : w.pod().getVolumes();
    }
}
