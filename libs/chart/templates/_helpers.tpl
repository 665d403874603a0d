{{/* The chart's name, or nameOverride, cut to the 63 characters a label value may hold. */}}
{{- define "pakaura.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The release-level name that prefixes the Secret, ConfigMap, Ingress and migration Job. */}}
{{- define "pakaura.fullname" -}}
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

{{/* Chart name and version, as the helm.sh/chart label writes them. */}}
{{- define "pakaura.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The namespace every object goes to: global.namespace (the task list's key), else the release's. */}}
{{- define "pakaura.namespace" -}}
{{- .Values.global.namespace | default .Release.Namespace | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Host the Ingress answers on: ingress.hostname (the task list's key) when set, else ingress.host. */}}
{{- define "pakaura.ingressHost" -}}
{{- .Values.ingress.hostname | default .Values.ingress.host }}
{{- end }}

{{/*
The API Deployment's replicas. Without the autoscaler: api.replicas. With it, the Deployment must
still say how many pods to start, or a first install starts one and waits for the autoscaler to
raise it; yet an upgrade must not reset the autoscaler's choice. So: the count the live Deployment
runs now (looked up; an upgrade then changes nothing), kept within the autoscaler's bounds, or
api.replicas (its minimum) when there is none yet (first install, `helm template`).
*/}}
{{- define "pakaura.apiReplicas" -}}
{{- $minimum := int .Values.api.replicas }}
{{- if .Values.api.autoscaling.enabled }}
{{- $live := lookup "apps/v1" "Deployment" (include "pakaura.namespace" .) "api" }}
{{- $current := int (dig "spec" "replicas" 0 $live) }}
{{- if gt $current 0 }}
{{- max $minimum (min $current (int .Values.api.autoscaling.maxReplicas)) }}
{{- else }}
{{- $minimum }}
{{- end }}
{{- else }}
{{- $minimum }}
{{- end }}
{{- end }}

{{/* Labels that select one component's pods; arguments: (dict "ctx" $ "component" "api"). */}}
{{- define "pakaura.selectorLabels" -}}
app.kubernetes.io/name: {{ include "pakaura.name" .ctx }}
app.kubernetes.io/instance: {{ .ctx.Release.Name }}
{{- with .component }}
app.kubernetes.io/component: {{ . }}
app: {{ . }}
{{- end }}
{{- end }}

{{/* Every object's labels: the selector labels plus version, chart and owner; (dict "ctx" $ "component" "api"), component optional. */}}
{{- define "pakaura.labels" -}}
{{ include "pakaura.selectorLabels" . }}
app.kubernetes.io/version: {{ .ctx.Chart.AppVersion | quote }}
app.kubernetes.io/part-of: {{ include "pakaura.name" .ctx }}
app.kubernetes.io/managed-by: {{ .ctx.Release.Service }}
helm.sh/chart: {{ include "pakaura.chart" .ctx }}
{{- with .ctx.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* A Pakaura image reference: global registry, repository, and tag (own, global, else appVersion); (dict "ctx" $ "image" .Values.api.image). */}}
{{- define "pakaura.image" -}}
{{- $tag := .image.tag | default .ctx.Values.global.imageTag | default .ctx.Chart.AppVersion -}}
{{- if .ctx.Values.global.imageRegistry -}}
{{- printf "%s/%s:%s" (trimSuffix "/" .ctx.Values.global.imageRegistry) .image.repository $tag -}}
{{- else -}}
{{- printf "%s:%s" .image.repository $tag -}}
{{- end -}}
{{- end }}

{{/* The PostgreSQL image reference, which global.imageRegistry does not prefix. */}}
{{- define "pakaura.postgresqlImage" -}}
{{- $image := .Values.postgresql.image -}}
{{- if $image.registry -}}
{{- printf "%s/%s:%s" (trimSuffix "/" $image.registry) $image.repository $image.tag -}}
{{- else -}}
{{- printf "%s:%s" $image.repository $image.tag -}}
{{- end -}}
{{- end }}

{{/* Name of the Secret the pods read: secrets.existingSecret, or the one this chart renders. */}}
{{- define "pakaura.secretName" -}}
{{- .Values.secrets.existingSecret | default (printf "%s-secrets" (include "pakaura.fullname" .) | trunc 63 | trimSuffix "-") }}
{{- end }}

{{/*
The rendered Secret's data (base64), as JSON: a value given in secrets.* wins, else the one already
in the cluster (lookup), else a generated one. Decided once per render and kept in .Values, which
every template of the chart shares, so the Secret and the API pods' checksum of it always agree.
*/}}
{{- define "pakaura.secretData" -}}
{{- if not (hasKey .Values "renderedSecretData") }}
{{- $live := (lookup "v1" "Secret" (include "pakaura.namespace" .) (include "pakaura.secretName" .)).data | default dict }}
{{- $data := dict
  "DB_PASSWORD" (.Values.secrets.dbPassword | b64enc | default (get $live "DB_PASSWORD") | default (randAlphaNum 32 | b64enc))
  "JWT_SECRET" (.Values.secrets.jwtSecret | b64enc | default (get $live "JWT_SECRET") | default (randAlphaNum 48 | b64enc))
  "COHERE_API_KEY" (.Values.secrets.cohereApiKey | b64enc | default (get $live "COHERE_API_KEY") | default "")
}}
{{- $_ := set .Values "renderedSecretData" $data }}
{{- end }}
{{- toJson .Values.renderedSecretData }}
{{- end }}

{{/*
Annotations that roll the API's pods when what they read changes: the ConfigMap, and the Secret the
chart renders (not an existingSecret, which it cannot see). The Secret's checksum is keyed with its
JWT_SECRET (32+ characters), so it reveals nothing about a short password to whoever reads pods.
An upgrade that changes neither keeps both, and rolls nothing.
*/}}
{{- define "pakaura.apiChecksums" -}}
checksum/config: {{ include (print .Template.BasePath "/configmap.yaml") . | sha256sum }}
{{- if not .Values.secrets.existingSecret }}
{{- $data := include "pakaura.secretData" . | fromJson }}
checksum/secret: {{ printf "%s\n%s" (get $data "JWT_SECRET" | b64dec) (toJson $data) | sha256sum }}
{{- end }}
{{- end }}

{{/* Name of the ConfigMap that holds the API's settings. */}}
{{- define "pakaura.configMapName" -}}
{{- printf "%s-config" (include "pakaura.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Host of the database the API uses: the release's headless Service, or externalDatabase.host. */}}
{{- define "pakaura.databaseHost" -}}
{{- if .Values.postgresql.enabled }}postgresql{{ else }}{{ .Values.externalDatabase.host }}{{ end }}
{{- end }}

{{/* Port of the database the API uses. */}}
{{- define "pakaura.databasePort" -}}
{{- if .Values.postgresql.enabled }}{{ .Values.postgresql.port }}{{ else }}{{ .Values.externalDatabase.port }}{{ end }}
{{- end }}

{{/* Name of the database the API uses. */}}
{{- define "pakaura.databaseName" -}}
{{- if .Values.postgresql.enabled }}{{ .Values.postgresql.auth.database }}{{ else }}{{ .Values.externalDatabase.database }}{{ end }}
{{- end }}

{{/* Role the API connects as. */}}
{{- define "pakaura.databaseUser" -}}
{{- if .Values.postgresql.enabled }}{{ .Values.postgresql.auth.username }}{{ else }}{{ .Values.externalDatabase.username }}{{ end }}
{{- end }}

{{/* Connection URL of the database without its password (which only a secretKeyRef carries). */}}
{{- define "pakaura.databaseUrl" -}}
{{- printf "postgresql://%s@%s:%s/%s" (include "pakaura.databaseUser" .) (include "pakaura.databaseHost" .) (include "pakaura.databasePort" .) (include "pakaura.databaseName" .) }}
{{- end }}

{{/* Public base URL of the app, from the ingress host (https when TLS is configured). */}}
{{- define "pakaura.publicUrl" -}}
{{- printf "%s://%s" (ternary "https" "http" (gt (len .Values.ingress.tls) 0)) (include "pakaura.ingressHost" .) }}
{{- end }}

{{/* Security context of every container: non-root, read-only, no privilege, no capabilities. */}}
{{- define "pakaura.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities:
  drop:
    - ALL
{{- end }}

{{/* Pod security context of the api, frontend, migration and test pods. */}}
{{- define "pakaura.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .Values.podSecurityContext.runAsUser }}
runAsGroup: {{ .Values.podSecurityContext.runAsGroup }}
fsGroup: {{ .Values.podSecurityContext.fsGroup }}
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* imagePullSecrets of every pod, when global.imagePullSecrets names any. */}}
{{- define "pakaura.imagePullSecrets" -}}
{{- with .Values.global.imagePullSecrets }}
imagePullSecrets:
{{- range . }}
  - name: {{ . }}
{{- end }}
{{- end }}
{{- end }}

{{/* The API's secret environment, read only through secretKeyRef; (dict "ctx" $ "keys" (list "DB_PASSWORD")). */}}
{{- define "pakaura.secretEnv" -}}
{{- $secret := include "pakaura.secretName" .ctx }}
{{- range .keys }}
- name: {{ . }}
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ . }}
      {{- if eq . "COHERE_API_KEY" }}
      optional: true
      {{- end }}
{{- end }}
{{- end }}

{{/* Init container that waits until the database accepts connections (pg_isready, no timeout). */}}
{{- define "pakaura.waitForDbContainer" -}}
- name: wait-for-db
  image: {{ include "pakaura.postgresqlImage" . }}
  imagePullPolicy: {{ .Values.postgresql.image.pullPolicy }}
  command:
    - sh
    - -c
    - until pg_isready -d "$0" -t 3; do echo "waiting for PostgreSQL at $0"; sleep 2; done
    - {{ include "pakaura.databaseUrl" . }}
  resources:
    requests:
      cpu: 10m
      memory: 16Mi
    limits:
      cpu: 100m
      memory: 64Mi
  securityContext:
    {{- include "pakaura.containerSecurityContext" . | nindent 4 }}
{{- end }}

{{/* A container that runs the API image's idempotent `migrate`; (dict "ctx" $ "name" "migrate"). */}}
{{- define "pakaura.migrateContainer" -}}
- name: {{ .name }}
  image: {{ include "pakaura.image" (dict "ctx" .ctx "image" .ctx.Values.api.image) }}
  imagePullPolicy: {{ .ctx.Values.api.image.pullPolicy }}
  command:
    - node
    - migrate.js
  envFrom:
    - configMapRef:
        name: {{ include "pakaura.configMapName" .ctx }}
  env:
    {{- include "pakaura.secretEnv" (dict "ctx" .ctx "keys" (list "DB_PASSWORD")) | nindent 4 }}
  resources:
    {{- toYaml .ctx.Values.migration.resources | nindent 4 }}
  securityContext:
    {{- include "pakaura.containerSecurityContext" .ctx | nindent 4 }}
  volumeMounts:
    - name: tmp
      mountPath: /tmp
{{- end }}

{{/*
A preStop pause of `seconds`, so a stopping pod leaves the Service's endpoints (and the ingress
controller's upstreams) before it gets SIGTERM, and a rollout drops no request; nothing when 0.
Kubernetes 1.30+ pauses itself (the `sleep` action, beta and on by default since 1.30); 1.29 has
it only behind the alpha PodLifecycleSleepAction gate, so there the container runs `sleep` (both
images, busybox or coreutils, have it). (dict "ctx" $ "seconds" 5)
*/}}
{{- define "pakaura.preStop" -}}
{{- if gt (int .seconds) 0 -}}
lifecycle:
  preStop:
    {{- if semverCompare ">=1.30.0-0" .ctx.Capabilities.KubeVersion.Version }}
    sleep:
      seconds: {{ int .seconds }}
    {{- else }}
    exec:
      command:
        - sleep
        - {{ int .seconds | quote }}
    {{- end }}
{{- end }}
{{- end }}

{{/* NetworkPolicy egress rule: DNS lookups (UDP and TCP 53) to the cluster's DNS pods. */}}
{{- define "pakaura.egressToDns" -}}
- to:
    - namespaceSelector:
        matchLabels:
          {{- toYaml .Values.networkPolicy.dns.namespaceLabels | nindent 10 }}
      podSelector:
        matchLabels:
          {{- toYaml .Values.networkPolicy.dns.podLabels | nindent 10 }}
  ports:
    - port: 53
      protocol: UDP
    - port: 53
      protocol: TCP
{{- end }}

{{/* NetworkPolicy egress rule: the database, the release's PostgreSQL pod or the external server's port. */}}
{{- define "pakaura.egressToDatabase" -}}
{{- if .Values.postgresql.enabled -}}
- to:
    - podSelector:
        matchLabels:
          {{- include "pakaura.selectorLabels" (dict "ctx" $ "component" "postgresql") | nindent 10 }}
  ports:
    - port: {{ .Values.postgresql.port }}
      protocol: TCP
{{- else -}}
- to:
    {{- range .Values.networkPolicy.externalDatabaseCIDRs }}
    - ipBlock:
        cidr: {{ . }}
    {{- end }}
  ports:
    - port: {{ .Values.externalDatabase.port }}
      protocol: TCP
{{- end }}
{{- end }}

{{/* NetworkPolicy egress rule: the API's port on the API's pods. */}}
{{- define "pakaura.egressToApi" -}}
- to:
    - podSelector:
        matchLabels:
          {{- include "pakaura.selectorLabels" (dict "ctx" $ "component" "api") | nindent 10 }}
  ports:
    - port: {{ .Values.api.port }}
      protocol: TCP
{{- end }}

{{/* Fails the render with one message per pair of values that contradict each other. */}}
{{- define "pakaura.validateValues" -}}
{{- $errors := list }}
{{- if and (not .Values.postgresql.enabled) (not .Values.externalDatabase.host) }}
{{- $errors = append $errors "postgresql.enabled=false needs externalDatabase.host: set --set externalDatabase.host=<host>, or keep postgresql.enabled=true" }}
{{- end }}
{{- if and .Values.postgresql.enabled .Values.externalDatabase.host }}
{{- $errors = append $errors "externalDatabase.host is set but postgresql.enabled=true runs a database in the release: set --set postgresql.enabled=false to use the external one, or unset externalDatabase.host" }}
{{- end }}
{{- if and .Values.secrets.existingSecret (or .Values.secrets.dbPassword .Values.secrets.jwtSecret .Values.secrets.cohereApiKey) }}
{{- $errors = append $errors "secrets.existingSecret names a Secret to use, so secrets.dbPassword, secrets.jwtSecret and secrets.cohereApiKey must stay empty: put the values in that Secret, or unset secrets.existingSecret" }}
{{- end }}
{{- if and .Values.api.enabled .Values.api.autoscaling.enabled (lt (int .Values.api.autoscaling.maxReplicas) (int .Values.api.replicas)) }}
{{- $errors = append $errors (printf "api.autoscaling.maxReplicas (%v) is below api.replicas (%v), the autoscaler's minimum: raise api.autoscaling.maxReplicas or lower api.replicas" .Values.api.autoscaling.maxReplicas .Values.api.replicas) }}
{{- end }}
{{- if and .Values.ingress.enabled (not .Values.api.enabled) (not .Values.frontend.enabled) }}
{{- $errors = append $errors "ingress.enabled=true but api.enabled and frontend.enabled are both false: the Ingress would route nowhere; set --set ingress.enabled=false" }}
{{- end }}
{{- range $component := list "api" "frontend" }}
{{- $values := get $.Values $component }}
{{- if ge (int $values.preStopSleepSeconds) (int $values.terminationGracePeriodSeconds) }}
{{- $errors = append $errors (printf "%s.preStopSleepSeconds (%v) must be below %s.terminationGracePeriodSeconds (%v), which counts the pause too: lower the first or raise the second" $component $values.preStopSleepSeconds $component $values.terminationGracePeriodSeconds) }}
{{- end }}
{{- end }}
{{- with $errors }}
{{- fail (printf "\nVALUES CONFLICT:\n  - %s" (join "\n  - " .)) }}
{{- end }}
{{- end }}
