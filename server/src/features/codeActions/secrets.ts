/**
 * `secret-clear-text` (and the API server's `secret-base64-invalid`, which replaces it when
 * the value is not base64 at all): move the value to `stringData`, where Kubernetes encodes
 * it, or encode it in place. Moving is preferred: the manifest stays readable, and what
 * the learner wrote is what the container will read.
 */
import { isMap, type Pair } from 'yaml';
import type { CodeAction } from 'vscode-languageserver';
import { documentFix, valueAt, type FixContext } from './action';
import { deletePair, findPair, mergeEdits, nodeAt, replaceScalar, scalarAt, type ChunkEdit } from './yamlEdits';

/** Deletes `key` from `data`, or `data` itself when it holds nothing else (an empty `data:` would remain). */
function removeFromData(fix: FixContext, key: string): ChunkEdit | undefined {
  const data = nodeAt(fix.document, ['data']);
  if (!data?.pair || !isMap(data.node) || data.node.flow) return undefined;
  const pair: Pair | undefined = findPair(data.node, key);
  if (!pair) return undefined;
  return deletePair(fix.document, data.node.items.length === 1 ? data.pair : pair);
}

export function secretValue(fix: FixContext): CodeAction[] {
  const [section, key] = fix.data.path;
  if (section !== 'data' || typeof key !== 'string') return [];
  const value = valueAt(fix, ['data', key]);
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return [];
  const text = String(value);
  const actions: CodeAction[] = [];

  const removal = removeFromData(fix, key);
  // A key already in stringData wins over data once converted: only the deletion is needed.
  const insertion = mergeEdits(fix.document, ['stringData'], { [key]: text });
  if (removal && insertion) actions.push(...documentFix(fix, `Déplacer « ${key} » dans stringData (Kubernetes l'encodera)`, [removal, ...insertion], true));

  const scalar = scalarAt(fix.document, ['data', key]);
  if (scalar) {
    const encoded = Buffer.from(text, 'utf8').toString('base64');
    actions.push(...documentFix(fix, `Encoder la valeur de « ${key} » en base64`, [replaceScalar(fix.document, scalar, encoded)], actions.length === 0));
  }
  return actions;
}
