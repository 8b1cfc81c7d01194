/**
 * `reference-missing`: when the name is a typo of a known object, use that object's name;
 * else create a skeleton of the missing ConfigMap, Secret, PersistentVolumeClaim or
 * ServiceAccount, as a new document at the end of the file, with the name, namespace and
 * keys the manifest expects. A StorageClass belongs to the cluster's administrator (its
 * provisioner cannot be guessed): no skeleton for it.
 */
import { stringify } from 'yaml';
import { TextEdit, type CodeAction } from 'vscode-languageserver';
import { positionAt } from '../../documents/convert';
import { closestNames } from '../../lint/cross/objects';
import { documentFix, fixString, fixStrings, quickFix, type FixContext } from './action';
import { indentUnit, lineBreakOf, replaceScalar, scalarAt } from './yamlEdits';

type Skeleton = (name: string, keys: readonly string[], type: string | undefined) => Record<string, unknown>;

/** Placeholder values that the API server accepts, so the new document is valid as it is. */
function placeholder(key: string): string {
  return key === '.dockerconfigjson' ? '{"auths":{}}' : '';
}

const byKey = (keys: readonly string[]): Record<string, string> => Object.fromEntries(keys.map((key) => [key, placeholder(key)]));

const SKELETONS: Readonly<Record<string, Skeleton>> = {
  ConfigMap: (_name, keys) => ({ data: byKey(keys) }),
  // stringData: the learner writes the values in clear text, Kubernetes encodes them.
  Secret: (_name, keys, type) => ({ type: type ?? 'Opaque', stringData: byKey(keys) }),
  PersistentVolumeClaim: () => ({ spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }),
  ServiceAccount: () => ({}),
};

const HEADER: Readonly<Record<string, string>> = {
  ConfigMap: '# Créé par la correction rapide : complète les valeurs.',
  Secret: '# Créé par la correction rapide : complète les valeurs (en clair dans stringData, Kubernetes les encode).',
  PersistentVolumeClaim: '# Créé par la correction rapide : ajuste la taille et le mode d’accès.',
  ServiceAccount: '# Créé par la correction rapide.',
};

// PersistentVolumeClaim is feminine in French (une demande de volume), the others masculine.
const feminine = (kind: string): boolean => kind === 'PersistentVolumeClaim';

function skeletonText(fix: FixContext, kind: string, name: string): string | undefined {
  const skeleton = SKELETONS[kind];
  if (!skeleton) return undefined;
  const namespace = fixString(fix, 'namespace');
  const object = {
    apiVersion: 'v1',
    kind,
    metadata: namespace === undefined ? { name } : { name, namespace },
    ...skeleton(name, fixStrings(fix, 'keys'), fixString(fix, 'type')),
  };
  const text = `${HEADER[kind]}\n${stringify(object, { indent: indentUnit(fix.document.text), lineWidth: 0 })}`;
  return text.replace(/\n/g, lineBreakOf(fix.file.text));
}

/** The edit appending `document` after the file's last document (after its `---` when it is empty). */
function appendDocument(fix: FixContext, document: string): TextEdit | undefined {
  const last = fix.file.documents[fix.file.documents.length - 1];
  if (!last) return undefined;
  const eol = lineBreakOf(fix.file.text);
  const newline = fix.file.text === '' || fix.file.text.endsWith('\n') ? '' : eol;
  // A file ending with `---` already opens the new document (parsed.isEmpty is false there: `---` alone parses as null).
  const blank = last.text.startsWith('---') && last.text.slice(3).split('\n').every((line) => line.trim() === '' || line.trim().startsWith('#'));
  const marker = blank ? '' : `---${eol}`;
  const end = positionAt(last, last.text.length);
  return TextEdit.insert(end, `${newline}${marker}${document}`);
}

export function createReferenced(fix: FixContext): CodeAction[] {
  const kind = fixString(fix, 'kind');
  const name = fixString(fix, 'name');
  if (!kind || !name) return [];
  const actions: CodeAction[] = [];

  const scalar = scalarAt(fix.document, fix.data.path);
  if (scalar && scalar.value === name) {
    const known = fix.context.resources.list(kind, fix.document.parsed.namespace).map((resource) => resource.name);
    for (const candidate of closestNames(name, known)) {
      const edits = [replaceScalar(fix.document, scalar, candidate)];
      actions.push(...documentFix(fix, `Utiliser ${feminine(kind) ? 'la' : 'le'} ${kind} ${feminine(kind) ? 'existante' : 'existant'} « ${candidate} »`, edits, actions.length === 0));
    }
  }

  const skeleton = skeletonText(fix, kind, name);
  const edit = skeleton === undefined ? undefined : appendDocument(fix, skeleton);
  if (edit) {
    const title = `Créer ${feminine(kind) ? 'la' : 'le'} ${kind} « ${name} » (nouveau document en fin de fichier)`;
    actions.push(quickFix(fix, title, [edit], actions.length === 0));
  }
  return actions;
}
