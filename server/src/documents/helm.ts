/**
 * Helm charts' templates: `templates/*.yaml` in a folder that holds a `Chart.yaml`. They are
 * Go templates (`{{ .Values.image }}`), YAML only once `helm template` has rendered them, so
 * the manifest checks would only report noise there. Like helm-ls does for its own files,
 * they are recognised by their place in the chart, not by their text.
 */
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Whether `uri` is a template of a Helm chart (only `file:` URIs can be). */
export function isHelmTemplate(uri: string, exists: (path: string) => boolean = existsSync): boolean {
  if (!uri.startsWith('file:')) return false;
  let path: string;
  try {
    path = fileURLToPath(uri);
  } catch {
    return false;
  }
  const parts = path.split(sep);
  // The nearest `templates` folder above the file, with Chart.yaml beside it.
  for (let i = parts.length - 2; i > 0; i--) {
    if (parts[i] !== 'templates') continue;
    const chart = parts.slice(0, i).join(sep) || sep;
    return exists(join(chart, 'Chart.yaml'));
  }
  return false;
}

/** The one note a template gets instead of diagnostics. */
export const HELM_TEMPLATE_NOTE =
  "Modèle Helm : ce fichier ne devient du YAML qu'une fois rendu par Helm, il n'est donc pas vérifié ici. Pour vérifier le résultat : helm template . > rendu.yaml, puis ouvre rendu.yaml.";
