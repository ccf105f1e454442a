{{/* The five services and their ports. Names are fixed (not release-prefixed): the services
     address each other as https://privacy:8082, and their certificates are issued for these names. */}}
{{- define "mensura.services" -}}
ingest: 8081
privacy: 8082
vision: 8083
fitting: 8084
audit: 8085
{{- end -}}

{{- define "mensura.port" -}}
{{- index (include "mensura.services" . | fromYaml) .name -}}
{{- end -}}

{{/* Services with a database (all but vision). */}}
{{- define "mensura.hasDatabase" -}}
{{- if has . (list "ingest" "privacy" "fitting" "audit") }}true{{ end -}}
{{- end -}}

{{/* Services that call privacy, with their client certificate (all but privacy itself). */}}
{{- define "mensura.callsPrivacy" -}}
{{- if has . (list "ingest" "vision" "fitting" "audit") }}true{{ end -}}
{{- end -}}

{{/* Services that run on GPU nodes when gpu.enabled. */}}
{{- define "mensura.onGpu" -}}
{{- if and .root.Values.gpu.enabled (has .name (list "vision" "fitting")) }}true{{ end -}}
{{- end -}}

{{- define "mensura.selectorLabels" -}}
app.kubernetes.io/name: {{ . }}
app.kubernetes.io/part-of: mensura
{{- end -}}

{{- define "mensura.labels" -}}
{{ include "mensura.selectorLabels" .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ .root.Chart.Name }}-{{ .root.Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "mensura.commonLabels" -}}
app.kubernetes.io/part-of: mensura
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "mensura.image" -}}
{{- $tag := .root.Values.image.tag -}}
{{- if include "mensura.onGpu" . }}{{ $tag = printf "%s%s" $tag .root.Values.image.gpuTagSuffix }}{{ end -}}
{{ .root.Values.image.registry }}/{{ .name }}-service:{{ $tag }}
{{- end -}}

{{/* The restricted Pod Security Standard, for every container. */}}
{{- define "mensura.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: 185
readOnlyRootFilesystem: true
allowPrivilegeEscalation: false
capabilities:
  drop: [ALL]
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* The release namespace; "mensura" where there is none (helm lint). */}}
{{- define "mensura.namespace" -}}
{{- .Release.Namespace | default "mensura" -}}
{{- end -}}

{{/* The cert-manager issuer of the services' certificates: tls.issuerRef, else the bootstrap CA's. */}}
{{- define "mensura.issuerRef" -}}
{{- if .Values.tls.issuerRef -}}
{{ toYaml .Values.tls.issuerRef }}
{{- else -}}
name: mensura-ca
kind: Issuer
group: cert-manager.io
{{- end -}}
{{- end -}}
