{{/*
Des morceaux de texte réutilisés par les autres templates.
*/}}

{{/* Le nom complet des objets : <release>-<chart>, 63 caractères au plus. */}}
{{- define "whoami.fullname" -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Les labels qui sélectionnent les Pods : ils ne changent jamais d'une version à l'autre. */}}
{{- define "whoami.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Tous les labels, posés sur chaque objet. */}}
{{- define "whoami.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{ include "whoami.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}
