package dev.mensura.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretVolumeSource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TLS everywhere and every service's identity, from cert-manager. Every Deployment has a Certificate for
 * the names of the Services in front of it and for its identity {@code spiffe://mensura/<name>-service};
 * it mounts that Certificate's Secret whole (never with subPath, which would miss the renewals) read-only
 * at /etc/mensura/tls, points MENSURA_TLS_CERT, _KEY and _CA at its files, is probed over HTTPS and scraped
 * with scheme https. Every URL in its env or in a ConfigMap is https. Certificates are short-lived and
 * renewed before they expire, services' keys rotated on every renewal; no rendered Secret holds a private
 * key. ServiceMonitors scrape over verified TLS; where there are BackendTLSPolicies, every Service a route
 * sends to has one naming a certificate's name for it.
 */
final class TlsIdentityPolicy implements Policy {
    static final String TLS_DIR = "/etc/mensura/tls";
    static final Map<String, String> TLS_ENV = tlsEnv();
    static final String SPIFFE_PREFIX = "spiffe://mensura/";
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Pattern GO_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|ms|m|s)");

    private static Map<String, String> tlsEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MENSURA_TLS_CERT", TLS_DIR + "/tls.crt");
        env.put("MENSURA_TLS_KEY", TLS_DIR + "/tls.key");
        env.put("MENSURA_TLS_CA", TLS_DIR + "/ca.crt");
        return env;
    }

    /** A Deployment's identity: the name of its image, ingest-service for the Deployment ingest. */
    static String identity(String workload) {
        return workload + "-service";
    }

    @Override
    public List<String> violations(RenderedSet set) {
        List<String> violations = new ArrayList<>();
        List<Map<String, Object>> certificates = set.ofKind("Certificate").map(TlsIdentityPolicy::asMap).toList();
        Workload.in(set).filter(w -> "Deployment".equals(w.kind())).forEach(w -> workload(set, w, certificates, violations));
        certificates.forEach(c -> lifetime(c, violations));
        urlsInConfigMaps(set, violations);
        noPrivateKeysInSecrets(set, violations);
        serviceMonitors(set, violations);
        backendTlsPolicies(set, certificates, violations);
        return violations;
    }

    private static void workload(RenderedSet set, Workload w, List<Map<String, Object>> certificates, List<String> violations) {
        String uri = SPIFFE_PREFIX + identity(w.name());
        List<Map<String, Object>> own = certificates.stream()
                .filter(c -> Objects.equals(namespace(c), w.namespace()) && strings(spec(c).get("uris")).contains(uri)).toList();
        for (Container c : w.containers()) {
            container(w, c, violations);
        }
        if ("true".equals(w.podAnnotations().get("prometheus.io/scrape"))
                && !"https".equals(w.podAnnotations().get("prometheus.io/scheme"))) {
            violations.add(w + ": scraped without the annotation prometheus.io/scheme: https");
        }
        if (own.isEmpty()) {
            violations.add(w + ": no Certificate with URI " + uri);
            return;
        }
        Map<String, Object> certificate = own.get(0);
        String where = "Certificate " + name(certificate);
        List<String> dnsNames = strings(spec(certificate).get("dnsNames"));
        set.all(Service.class).filter(s -> Objects.equals(s.getMetadata().getNamespace(), w.namespace())
                        && Selectors.matches(s.getSpec().getSelector(), w.podLabels()))
                .map(s -> s.getMetadata().getName())
                .forEach(service -> {
                    for (String dns : List.of(service, service + "." + w.namespace() + ".svc")) {
                        if (!dnsNames.contains(dns)) {
                            violations.add(where + " (of " + w + "): no DNS name " + dns + " for its Service");
                        }
                    }
                });
        List<String> usages = strings(spec(certificate).get("usages"));
        for (String usage : List.of("server auth", "client auth")) {
            if (!usages.contains(usage)) {
                violations.add(where + " (of " + w + "): no usage " + usage);
            }
        }
        String secretName = (String) spec(certificate).get("secretName");
        for (Container c : w.containers()) {
            secretMount(w, c, secretName, violations);
        }
    }

    /** The Certificate's Secret, whole and read-only at /etc/mensura/tls: kubelet swaps in the renewed files. */
    private static void secretMount(Workload w, Container c, String secretName, List<String> violations) {
        String where = w + " container " + c.getName();
        List<VolumeMount> mounts = c.getVolumeMounts() == null ? List.of() : c.getVolumeMounts().stream()
                .filter(m -> (TLS_DIR.equals(m.getMountPath()) || m.getMountPath().startsWith(TLS_DIR + "/"))
                        && volume(w, m.getName()).map(Volume::getSecret).filter(s -> Objects.equals(secretName, s.getSecretName())).isPresent())
                .toList();
        if (mounts.isEmpty()) {
            violations.add(where + ": does not mount the Secret " + secretName + " of its Certificate at " + TLS_DIR);
            return;
        }
        for (VolumeMount mount : mounts) {
            if (notBlank(mount.getSubPath()) || notBlank(mount.getSubPathExpr())) {
                violations.add(where + ": mounts " + mount.getMountPath() + " with subPath, which never receives a renewed certificate");
            } else if (!TLS_DIR.equals(mount.getMountPath())) {
                violations.add(where + ": mounts the Secret " + secretName + " at " + mount.getMountPath() + ", not " + TLS_DIR);
            }
            if (!Boolean.TRUE.equals(mount.getReadOnly())) {
                violations.add(where + ": mounts " + mount.getMountPath() + " writable");
            }
            SecretVolumeSource secret = volume(w, mount.getName()).orElseThrow().getSecret();
            if (secret.getItems() != null && !secret.getItems().isEmpty()) {
                List<String> paths = secret.getItems().stream().filter(i -> i.getKey().equals(i.getPath())).map(KeyToPath::getKey).toList();
                for (String file : List.of("tls.crt", "tls.key", "ca.crt")) {
                    if (!paths.contains(file)) {
                        violations.add(where + ": the volume of Secret " + secretName + " does not project " + file);
                    }
                }
            }
        }
    }

    private static void container(Workload w, Container c, List<String> violations) {
        String where = w + " container " + c.getName();
        TLS_ENV.forEach((name, value) -> {
            if (!Memory.env(c, name).map(value::equals).orElse(false)) {
                violations.add(where + ": " + name + " is not " + value);
            }
        });
        probe(where, "startup", c.getStartupProbe(), violations);
        probe(where, "liveness", c.getLivenessProbe(), violations);
        probe(where, "readiness", c.getReadinessProbe(), violations);
        if (c.getEnv() != null) {
            for (EnvVar e : c.getEnv()) {
                if (plainHttp(e.getValue())) {
                    violations.add(where + ": " + e.getName() + " is a plain http URL, not https");
                }
            }
        }
    }

    private static void probe(String where, String kind, Probe probe, List<String> violations) {
        if (probe != null && probe.getHttpGet() != null && !"HTTPS".equals(probe.getHttpGet().getScheme())) {
            violations.add(where + ": " + kind + " probe is not scheme HTTPS");
        }
    }

    private static boolean plainHttp(String value) {
        return value != null && value.toLowerCase(Locale.ROOT).startsWith("http") && !value.startsWith("https://");
    }

    private static void lifetime(Map<String, Object> certificate, List<String> violations) {
        Map<String, Object> spec = spec(certificate);
        String where = "Certificate " + name(certificate);
        Optional<Duration> duration = duration(spec.get("duration"));
        Optional<Duration> renewBefore = duration(spec.get("renewBefore"));
        if (duration.isEmpty() || renewBefore.isEmpty()) {
            violations.add(where + ": no duration and renewBefore");
        } else if (renewBefore.get().compareTo(duration.get()) >= 0) {
            violations.add(where + ": renewBefore " + spec.get("renewBefore") + " is not shorter than duration " + spec.get("duration"));
        }
        // A service's key changes on every renewal. The CA keeps its key (rotationPolicy Never) so that
        // the certificates it signed before a renewal still chain to it.
        if (!Boolean.TRUE.equals(spec.get("isCA"))) {
            Object rotation = spec.get("privateKey") instanceof Map<?, ?> key ? key.get("rotationPolicy") : null;
            if (!"Always".equals(rotation)) {
                violations.add(where + ": privateKey.rotationPolicy is not Always");
            }
        }
    }

    /** Go's time.ParseDuration units, as cert-manager reads them. */
    static Optional<Duration> duration(Object value) {
        if (!(value instanceof String text) || text.isBlank()) {
            return Optional.empty();
        }
        Matcher m = GO_DURATION.matcher(text);
        double millis = 0;
        int end = 0;
        while (m.find() && m.start() == end) {
            double amount = Double.parseDouble(m.group(1));
            millis += amount * switch (m.group(2)) {
                case "h" -> 3_600_000;
                case "m" -> 60_000;
                case "s" -> 1_000;
                default -> 1;
            };
            end = m.end();
        }
        return end == text.length() ? Optional.of(Duration.ofMillis((long) millis)) : Optional.empty();
    }

    private static void urlsInConfigMaps(RenderedSet set, List<String> violations) {
        set.all(ConfigMap.class).forEach(cm -> {
            if (cm.getData() != null) {
                cm.getData().forEach((key, value) -> {
                    if (plainHttp(value)) {
                        violations.add("ConfigMap " + cm.getMetadata().getName() + " key " + key + ": a plain http URL, not https");
                    }
                });
            }
        });
    }

    /** cert-manager writes the keys into Secrets in the cluster; none may come with the deployment. */
    private static void noPrivateKeysInSecrets(RenderedSet set, List<String> violations) {
        set.all(Secret.class).forEach(secret -> {
            String where = "Secret " + secret.getMetadata().getName();
            if ("kubernetes.io/tls".equals(secret.getType())) {
                violations.add(where + ": is of type kubernetes.io/tls; cert-manager issues those in the cluster");
            }
            Map<String, String> entries = new LinkedHashMap<>();
            if (secret.getData() != null) {
                secret.getData().forEach((k, v) -> entries.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
            }
            if (secret.getStringData() != null) {
                entries.putAll(secret.getStringData());
            }
            entries.forEach((key, value) -> {
                if (key.endsWith(".key") || value.contains("PRIVATE KEY-----")) {
                    violations.add(where + " key " + key + ": holds a TLS private key");
                }
            });
        });
    }

    @SuppressWarnings("unchecked")
    private static void serviceMonitors(RenderedSet set, List<String> violations) {
        set.ofKind("ServiceMonitor").map(TlsIdentityPolicy::asMap).forEach(sm -> {
            String where = "ServiceMonitor " + name(sm);
            Object endpoints = spec(sm).get("endpoints");
            for (Object e : endpoints instanceof List<?> list ? list : List.of()) {
                Map<String, Object> endpoint = (Map<String, Object>) e;
                Map<String, Object> tls = endpoint.get("tlsConfig") instanceof Map<?, ?> t ? (Map<String, Object>) t : Map.of();
                if (!"https".equals(endpoint.get("scheme"))) {
                    violations.add(where + ": endpoint " + endpoint.get("port") + " does not scrape with scheme https");
                }
                if (Boolean.TRUE.equals(tls.get("insecureSkipVerify")) || tls.get("ca") == null || tls.get("serverName") == null) {
                    violations.add(where + ": endpoint " + endpoint.get("port") + " does not verify the certificate"
                            + " (tlsConfig with ca and serverName, insecureSkipVerify false)");
                }
            }
        });
    }

    /** Optional as a whole (a gateway may configure backend TLS its own way), but never for some routes only. */
    @SuppressWarnings("unchecked")
    private static void backendTlsPolicies(RenderedSet set, List<Map<String, Object>> certificates, List<String> violations) {
        List<Map<String, Object>> policies = set.ofKind("BackendTLSPolicy").map(TlsIdentityPolicy::asMap).toList();
        if (policies.isEmpty()) {
            return;
        }
        set.ofKind("HTTPRoute").map(TlsIdentityPolicy::asMap).forEach(route -> {
            Object rules = spec(route).get("rules");
            for (Object rule : rules instanceof List<?> list ? list : List.of()) {
                Object refs = ((Map<String, Object>) rule).get("backendRefs");
                for (Object ref : refs instanceof List<?> list ? list : List.of()) {
                    String service = (String) ((Map<String, Object>) ref).get("name");
                    backendTls(route, service, policies, certificates, violations);
                }
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static void backendTls(Map<String, Object> route, String service, List<Map<String, Object>> policies,
                                   List<Map<String, Object>> certificates, List<String> violations) {
        List<Map<String, Object>> targeting = policies.stream().filter(p -> Objects.equals(namespace(p), namespace(route))
                && spec(p).get("targetRefs") instanceof List<?> refs && refs.stream().anyMatch(r -> r instanceof Map<?, ?> m
                && "Service".equals(m.get("kind")) && service.equals(m.get("name")))).toList();
        if (targeting.isEmpty()) {
            violations.add("HTTPRoute " + name(route) + ": routes to Service " + service + ", which has no BackendTLSPolicy");
            return;
        }
        for (Map<String, Object> policy : targeting) {
            Map<String, Object> validation = spec(policy).get("validation") instanceof Map<?, ?> v ? (Map<String, Object>) v : Map.of();
            Object hostname = validation.get("hostname");
            boolean named = certificates.stream().anyMatch(c -> Objects.equals(namespace(c), namespace(policy))
                    && strings(spec(c).get("dnsNames")).contains(hostname));
            if (!named) {
                violations.add("BackendTLSPolicy " + name(policy) + ": hostname " + hostname + " is in no Certificate");
            }
            if (!(validation.get("caCertificateRefs") instanceof List<?> cas) || cas.isEmpty()) {
                violations.add("BackendTLSPolicy " + name(policy) + ": no caCertificateRefs");
            }
        }
    }

    private static Optional<Volume> volume(Workload w, String name) {
        return w.pod().getVolumes() == null ? Optional.empty()
                : w.pod().getVolumes().stream().filter(v -> name.equals(v.getName())).findFirst();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(HasMetadata object) {
        return SERIALIZATION.convertValue(object, Map.class);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> spec(Map<String, Object> object) {
        return object.get("spec") instanceof Map<?, ?> spec ? (Map<String, Object>) spec : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static String name(Map<String, Object> object) {
        return (String) ((Map<String, Object>) object.get("metadata")).get("name");
    }

    @SuppressWarnings("unchecked")
    private static String namespace(Map<String, Object> object) {
        return (String) ((Map<String, Object>) object.get("metadata")).get("namespace");
    }

    static List<String> strings(Object list) {
        return list instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }
}
