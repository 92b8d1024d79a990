{{/*
Helm 3 mode (helm3Hooks.enabled): the chart declares the hooks the migration-hooks post-renderer adds
with Helm 4, with the same weights and policies, so both Helm versions run the same order:
config (Secret, ConfigMap) -> database Services -> database StatefulSet -> migration Job.
Without a migration Job nothing needs to run first, so no hooks then (as the post-renderer does).
*/}}

{{- define "app.hooks.enabled" -}}
{{- if and .Values.helm3Hooks.enabled .Values.migrations.enabled }}true{{ end }}
{{- end }}

{{/*
Annotations of a database-tier hook: (include "app.hooks.databaseAnnotations" (list . "config")).
hook-failed is a delete policy Helm never acts on for these kinds (it fails only Job and Pod hooks), so
they are never deleted or recreated; keep stops Helm deleting them when they turn from release
resources into hooks.
*/}}
{{- define "app.hooks.databaseAnnotations" -}}
{{- $root := index . 0 }}
{{- if include "app.hooks.enabled" $root -}}
helm.sh/hook: pre-install,pre-upgrade
helm.sh/hook-weight: {{ index $root.Values.helm3Hooks.weights (index . 1) | quote }}
helm.sh/hook-delete-policy: hook-failed
helm.sh/resource-policy: keep
{{- end }}
{{- end }}

{{- define "app.hooks.migrationAnnotations" -}}
{{- if include "app.hooks.enabled" . -}}
helm.sh/hook: pre-install,pre-upgrade
helm.sh/hook-weight: {{ .Values.helm3Hooks.weights.migration | quote }}
helm.sh/hook-delete-policy: before-hook-creation
helm.sh/hook-output-log-policy: hook-failed
{{- end }}
{{- end }}
