/**
 * Fixes of the API server's field findings: rename an unknown field to the property it is
 * a typo of (`unknown-field`), and replace a value outside an enum by one of the supported
 * values (`value-unsupported` and the kind-specific `Unsupported value` findings).
 */
import { distance } from 'fastest-levenshtein';
import { isScalar, isSeq, type Scalar } from 'yaml';
import type { CodeAction } from 'vscode-languageserver';
import { kindInfo } from '../../../../simulator/src/api/catalog';
import { enumValues } from '../../../../simulator/src/api/enums';
import { schemaAtPath } from '../../../../simulator/src/api/schemas';
import { didYouMean } from '../../../../simulator/src/api/validation/schema';
import type { Path } from '../../documents/positions';
import { validationFindings } from '../diagnostics';
import { documentFix, type FixContext } from './action';
import { nodeAt, replaceScalar } from './yamlEdits';

/** More values than this make a menu nobody reads: the completion lists them better. */
const MAX_VALUE_ACTIONS = 6;

function rootDefinition(fix: FixContext): string | undefined {
  const { apiVersion, kind } = fix.document.parsed;
  return apiVersion && kind ? kindInfo(apiVersion, kind)?.definition : undefined;
}

export function renameField(fix: FixContext): CodeAction[] {
  const path = fix.data.path;
  const property = path[path.length - 1];
  const root = rootDefinition(fix);
  const pair = nodeAt(fix.document, path)?.pair;
  if (typeof property !== 'string' || !root || !pair || !isScalar(pair.key) || !pair.key.range) return [];
  const parent = path.slice(0, -1);
  const properties = Object.keys(schemaAtPath(root, parent).node?.properties ?? {});
  const suggestion = didYouMean(property, properties);
  // Renaming onto a key that is already there would make a duplicate key.
  const siblings = nodeAt(fix.document, parent)?.node as { items?: { key?: unknown }[] } | undefined;
  const taken = (siblings?.items ?? []).some((item) => isScalar(item.key) && item.key.value === suggestion);
  if (!suggestion || suggestion === property || taken) return [];
  return documentFix(fix, `Renommer « ${property} » en « ${suggestion} »`, [replaceScalar(fix.document, pair.key, suggestion)], true);
}

/** The scalar the finding is about: the value itself, or the first unsupported item of a list (`accessModes`). */
function offending(fix: FixContext, supported: readonly string[]): { scalar: Scalar; path: Path } | undefined {
  const node = nodeAt(fix.document, fix.data.path)?.node;
  if (isScalar(node) && node.range) return { scalar: node, path: fix.data.path };
  if (!isSeq(node)) return undefined;
  const index = node.items.findIndex((item) => isScalar(item) && item.range && !supported.includes(String(item.value)));
  return index === -1 ? undefined : { scalar: node.items[index] as Scalar, path: [...fix.data.path, index] };
}

/** The supported values: from api/enums.ts for enum fields, else from the API server's own message. */
function supportedValues(fix: FixContext): readonly string[] {
  const root = rootDefinition(fix);
  const path = fix.data.path;
  const property = [...path].reverse().find((segment): segment is string => typeof segment === 'string');
  const owner = root ? schemaAtPath(root, path).owner : undefined;
  const fromEnum = fix.diagnostic.code === 'value-unsupported' && owner && property ? enumValues(owner, property) : undefined;
  if (fromEnum) return fromEnum;
  const same = JSON.stringify(path);
  const finding = validationFindings(fix.document.parsed).find((found) => found.code === fix.diagnostic.code && JSON.stringify(found.path) === same);
  const list = finding?.message.split('supported values: ').pop();
  if (!finding || list === undefined || list === finding.message) return [];
  // The values are Go-quoted (`"Always", "OnFailure"`), which JSON reads.
  return (list.match(/"(?:[^"\\]|\\.)*"/g) ?? []).map((quoted) => JSON.parse(quoted) as string);
}

export function replaceUnsupported(fix: FixContext): CodeAction[] {
  const supported = supportedValues(fix).filter((value) => value !== '');
  const target = offending(fix, supported);
  if (!target || supported.length === 0 || supported.length > MAX_VALUE_ACTIONS) return [];
  const current = String(target.scalar.value);
  const best = didYouMean(current, supported);
  const byCloseness = [...supported].filter((value) => value !== current).sort((a, b) => distance(current.toLowerCase(), a.toLowerCase()) - distance(current.toLowerCase(), b.toLowerCase()));
  return byCloseness.flatMap((value) =>
    documentFix(fix, `Remplacer par « ${value} »`, [replaceScalar(fix.document, target.scalar, value)], value === best || (best === undefined && supported.length === 1)),
  );
}
