{{/* Names and labels, as `helm create` lays them out (Helm's best practices: labels and selectors). */}}
{{- define "fleksi.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "fleksi.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "fleksi.selectorLabels" -}}
app.kubernetes.io/name: {{ include "fleksi.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "fleksi.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "fleksi.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: fleksi
{{- end }}

{{- define "fleksi.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "fleksi.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "fleksi.image" -}}
{{- if .Values.image.digest -}}
{{ .Values.image.repository }}@{{ .Values.image.digest }}
{{- else -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end }}
{{- end }}

{{/* The CloudNativePG cluster, its pooler, and the Keycloak resource. */}}
{{- define "fleksi.dbCluster" -}}
{{- printf "%s-db" (include "fleksi.fullname" .) | trunc 50 | trimSuffix "-" }}
{{- end }}
{{- define "fleksi.dbPooler" -}}
{{- printf "%s-pooler" (include "fleksi.dbCluster" .) }}
{{- end }}
{{- define "fleksi.keycloakName" -}}
{{- printf "%s-keycloak" (include "fleksi.fullname" .) | trunc 50 | trimSuffix "-" }}
{{- end }}

{{/* The JDBC URL the pods use: through the session-mode pooler when there is one. */}}
{{- define "fleksi.dbUrl" -}}
{{- if eq .Values.database.mode "cnpg" }}
{{- $host := ternary (include "fleksi.dbPooler" .) (printf "%s-rw" (include "fleksi.dbCluster" .)) .Values.database.cnpg.pooler.enabled }}
{{- printf "jdbc:postgresql://%s:5432/fleksi" $host }}
{{- else }}
{{- .Values.database.external.url }}
{{- end }}
{{- end }}

{{/* The migration goes straight to the primary: DDL and Liquibase's locks need no pooler slot for an hour. */}}
{{- define "fleksi.migrationDbUrl" -}}
{{- if eq .Values.database.mode "cnpg" }}
{{- printf "jdbc:postgresql://%s-rw:5432/fleksi" (include "fleksi.dbCluster" .) }}
{{- else }}
{{- .Values.database.external.url }}
{{- end }}
{{- end }}

{{- define "fleksi.dbSecret" -}}
{{- if eq .Values.database.mode "cnpg" }}
{{- printf "%s-app" (include "fleksi.dbCluster" .) }}
{{- else }}
{{- .Values.database.external.existingSecret }}
{{- end }}
{{- end }}

{{- define "fleksi.keycloakUrl" -}}
{{- if eq .Values.keycloak.mode "operator" }}
{{- printf "https://%s" .Values.keycloak.operator.hostname }}
{{- else }}
{{- .Values.keycloak.url | trimSuffix "/" }}
{{- end }}
{{- end }}

{{/* Keycloak's database, read only, for tenant bundle exports: empty url when there is none. */}}
{{- define "fleksi.keycloakReaderSecret" -}}
{{- if eq .Values.keycloak.mode "operator" }}
{{- .Values.keycloak.operator.database.readerSecretName }}
{{- else if .Values.keycloak.database.url }}
{{- .Values.keycloak.database.existingSecret }}
{{- end }}
{{- end }}
{{- define "fleksi.keycloakDbUrl" -}}
{{- if and (eq .Values.keycloak.mode "operator") .Values.keycloak.operator.database.readerSecretName }}
{{- printf "jdbc:postgresql://%s-rw:5432/%s" (include "fleksi.dbCluster" .) .Values.keycloak.operator.database.name }}
{{- else if ne .Values.keycloak.mode "operator" }}
{{- .Values.keycloak.database.url }}
{{- end }}
{{- end }}

{{- define "fleksi.keycloakAdminSecret" -}}
{{- if and (eq .Values.keycloak.mode "operator") (not .Values.keycloak.admin.existingSecret) }}
{{- printf "%s-initial-admin" (include "fleksi.keycloakName" .) }}
{{- else }}
{{- .Values.keycloak.admin.existingSecret }}
{{- end }}
{{- end }}

{{/* Fleksi's non-secret settings, one map: the ConfigMap's data and the migration Job's env come from it. */}}
{{- define "fleksi.settings" -}}
FLEKSI_HTTP_ADDRESS: "0.0.0.0"
FLEKSI_HTTP_PORT: {{ .Values.containerPort | quote }}
FLEKSI_PUBLIC_URL: {{ .Values.publicUrl | trimSuffix "/" | quote }}
FLEKSI_DB_URL: {{ include "fleksi.dbUrl" . | quote }}
FLEKSI_DB_POOL_SIZE: {{ .Values.settings.dbPoolSize | quote }}
FLEKSI_KEYCLOAK_URL: {{ include "fleksi.keycloakUrl" . | quote }}
FLEKSI_KEYCLOAK_DB_URL: {{ include "fleksi.keycloakDbUrl" . | quote }}
FLEKSI_MIGRATE_ON_STARTUP: "false"
FLEKSI_TRUSTED_PROXIES: {{ .Values.settings.trustedProxies | quote }}
FLEKSI_SECURE_COOKIES: "true"
FLEKSI_FEED_URL: {{ .Values.settings.feedUrl | quote }}
FLEKSI_FEED_ENABLED: {{ .Values.settings.feedEnabled | quote }}
FLEKSI_MODE: "production"
{{- if .Values.managementPort }}
FLEKSI_MANAGEMENT_PORT: {{ .Values.managementPort | quote }}
{{- end }}
{{- range $name, $value := .Values.extraEnv }}
{{ $name }}: {{ $value | quote }}
{{- end }}
{{- end }}

{{/* Secrets, referenced and never written by this chart. */}}
{{- define "fleksi.secretEnv" -}}
- name: FLEKSI_DB_USER
  valueFrom:
    secretKeyRef:
      name: {{ include "fleksi.dbSecret" . }}
      key: username
- name: FLEKSI_DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "fleksi.dbSecret" . }}
      key: password
{{- if .Values.keycloak.admin.useClientSecret }}
- name: FLEKSI_KEYCLOAK_ADMIN_CLIENT_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ include "fleksi.keycloakAdminSecret" . }}
      key: client-secret
{{- else }}
- name: FLEKSI_KEYCLOAK_ADMIN
  valueFrom:
    secretKeyRef:
      name: {{ include "fleksi.keycloakAdminSecret" . }}
      key: username
- name: FLEKSI_KEYCLOAK_ADMIN_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "fleksi.keycloakAdminSecret" . }}
      key: password
{{- end }}
{{- with (include "fleksi.keycloakReaderSecret" .) }}
- name: FLEKSI_KEYCLOAK_DB_USER
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: username
- name: FLEKSI_KEYCLOAK_DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: password
{{- end }}
{{- with .Values.settings.bundlePassphraseSecret }}
- name: FLEKSI_BUNDLE_PASSPHRASE
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: passphrase
{{- end }}
{{- end }}

{{- define "fleksi.managementPort" -}}
{{- ternary "management" "http" (not (empty .Values.managementPort)) }}
{{- end }}

{{/* The pod's volumes and the container's mounts: /tmp only, the root file system being read-only. */}}
{{- define "fleksi.tmpVolume" -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ .Values.tmpSizeLimit }}
{{- end }}
{{- define "fleksi.tmpMount" -}}
- name: tmp
  mountPath: /tmp
{{- end }}

{{/* The migration hook's events: before install and upgrade when the database exists before the release; when
     this chart makes the database (CloudNativePG), it cannot exist before the release's first resources, so the
     first run is after install (the first pods restart until it has run) and every upgrade's run is before the new pods. */}}
{{- define "fleksi.migrationHook" -}}
{{- if eq .Values.database.mode "cnpg" -}}
post-install,pre-upgrade
{{- else -}}
pre-install,pre-upgrade
{{- end }}
{{- end }}
