/**
 * The hover of a document's `apiVersion` and `kind` values: what the resource is for,
 * its scope and the names kubectl knows it by. When the pair is not served by a v1.30
 * API server, says which apiVersion serves the kind, or which kind was probably meant.
 */
import { apiVersionsOf, KINDS, kindInfo, type KindInfo } from '../../../../simulator/src/api/catalog';
import { definitionDoc } from '../../../../simulator/src/api/docs/index';
import { didYouMean } from '../../../../simulator/src/api/validation/schema';
import { chapterLink, code, codeList, docSections, joinSections } from './markdown';

const KIND_NAMES = [...new Set(KINDS.map((info) => info.kind))];

function scope(info: KindInfo): string {
  return info.namespaced
    ? 'Portée : dans un namespace (`metadata.namespace`, `default` si tu ne le précises pas).'
    : "Portée : tout le cluster (pas de namespace : `metadata.namespace` n'a pas de sens ici).";
}

function names(info: KindInfo): string {
  const short = info.shortNames.length > 0 ? ` ou ${codeList(info.shortNames)}` : '';
  return `Avec kubectl : \`kubectl get ${info.resource}\`${short}.`;
}

function group(info: KindInfo): string {
  const where = info.group === '' ? 'groupe principal (core)' : `groupe \`${info.group}\``;
  const others = apiVersionsOf(info.kind).filter((version) => version !== info.apiVersion);
  const also = others.length > 0 ? ` ; aussi servi en ${codeList(others)}` : '';
  return `API : ${where}, version \`${info.version}\`${also}.`;
}

function known(info: KindInfo): string {
  const doc = definitionDoc(info.definition);
  const list = [scope(info), names(info), group(info)].map((line) => `- ${line}`).join('\n');
  return joinSections([`**${info.kind}** — \`${info.apiVersion}\``, ...docSections(doc), list, chapterLink(doc?.chapter)]);
}

function unknown(apiVersion: string, kind: string): string {
  const versions = apiVersionsOf(kind);
  if (versions.length > 0) {
    return joinSections([
      `**${code(kind)}** — n'est pas servi en ${code(apiVersion)} par un API server v1.30.`,
      `Utilise \`apiVersion: ${versions[0]!}\`${versions.length > 1 ? ` (versions servies : ${codeList(versions)})` : ''}.`,
    ]);
  }
  const suggestion = didYouMean(kind, KIND_NAMES);
  return joinSections([
    `**${code(kind)}** — ce kind n'existe pas dans l'API Kubernetes v1.30.`,
    suggestion ? `Voulais-tu dire \`${suggestion}\` ?` : undefined,
    "S'il s'agit d'une ressource personnalisée (CRD), son schéma n'est pas connu ici : elle n'est pas vérifiée.",
  ]);
}

/** Markdown for the `apiVersion` and `kind` of a document. */
export function resourceMarkdown(apiVersion: string, kind: string): string {
  const info = kindInfo(apiVersion, kind);
  return info ? known(info) : unknown(apiVersion, kind);
}
