{{/*
Where the database is and how to log in: one place for the in-cluster PostgreSQL and the external
database, so the backend and the migration Job always agree.
*/}}

{{- define "app.database.host" -}}
{{- if .Values.postgresql.enabled }}
{{- include "app.componentName" (list . "postgresql") }}
{{- else if .Values.externalDatabase.host }}
{{- .Values.externalDatabase.host }}
{{- else }}
{{- fail "externalDatabase.host is empty while postgresql.enabled=false: set externalDatabase.host to your database server, or set postgresql.enabled=true for the in-cluster PostgreSQL" }}
{{- end }}
{{- end }}

{{- define "app.database.port" -}}
{{- ternary .Values.postgresql.port .Values.externalDatabase.port .Values.postgresql.enabled }}
{{- end }}

{{- define "app.database.name" -}}
{{- ternary .Values.postgresql.auth.database .Values.externalDatabase.database .Values.postgresql.enabled }}
{{- end }}

{{- define "app.database.username" -}}
{{- ternary .Values.postgresql.auth.username .Values.externalDatabase.username .Values.postgresql.enabled }}
{{- end }}

{{- define "app.database.jdbcUrl" -}}
{{- printf "jdbc:postgresql://%s:%v/%s" (include "app.database.host" .) (include "app.database.port" .) (include "app.database.name" .) }}
{{- end }}

{{/*
The auth block of the active mode (postgresql.auth or externalDatabase) and the values path naming it,
for error messages.
*/}}
{{- define "app.database.authValuesPath" -}}
{{- ternary "postgresql.auth" "externalDatabase" .Values.postgresql.enabled }}
{{- end }}

{{- define "app.database.auth" -}}
{{- toYaml (ternary .Values.postgresql.auth .Values.externalDatabase .Values.postgresql.enabled) }}
{{- end }}

{{/*
True (non-empty) when the chart must create the credentials Secret itself. Fails when there is
neither a password nor an existing Secret: a generated password would change on every upgrade.
*/}}
{{- define "app.database.createSecret" -}}
{{- $auth := include "app.database.auth" . | fromYaml }}
{{- if not $auth.existingSecret }}
{{- if not $auth.password }}
{{- $path := include "app.database.authValuesPath" . }}
{{- fail (printf "no database password: set %s.password, or %s.existingSecret to the name of a Secret holding it (key %s.existingSecretPasswordKey, default \"password\")" $path $path $path) }}
{{- end }}
{{- true }}
{{- end }}
{{- end }}

{{- define "app.database.secretName" -}}
{{- $auth := include "app.database.auth" . | fromYaml }}
{{- default (include "app.componentName" (list . "database")) $auth.existingSecret }}
{{- end }}

{{- define "app.database.secretPasswordKey" -}}
{{- $auth := include "app.database.auth" . | fromYaml }}
{{- ternary $auth.existingSecretPasswordKey "password" (not (empty $auth.existingSecret)) }}
{{- end }}
