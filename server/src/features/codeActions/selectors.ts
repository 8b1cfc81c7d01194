/**
 * `selector-mismatch`: align a controller's selector and its Pod template's labels, one way
 * or the other. Copying the selector's labels into the template is preferred: the selector
 * cannot change once the object exists (`field is immutable`), the template always can.
 * Each action is offered only when the result matches (matchExpressions included).
 */
import type { CodeAction } from 'vscode-languageserver';
import { selectorMatches } from '../../../../simulator/src/api/validation/rules/selectors';
import { documentFix, valueAt, type FixContext } from './action';
import { mergeEdits } from './yamlEdits';

const SELECTOR = ['spec', 'selector'];
const LABELS = ['spec', 'template', 'metadata', 'labels'];

/** A label map as the API reads it (strings; numbers and booleans as YAML prints them). */
function labelsOf(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') out[key] = String(item);
  }
  return out;
}

export function alignSelector(fix: FixContext): CodeAction[] {
  const selector = valueAt(fix, SELECTOR);
  if (selector === null || typeof selector !== 'object' || Array.isArray(selector)) return [];
  const matchLabels = labelsOf((selector as Record<string, unknown>).matchLabels);
  const labels = labelsOf(valueAt(fix, LABELS));
  const actions: CodeAction[] = [];

  if (Object.keys(matchLabels).length > 0 && selectorMatches(selector, { ...labels, ...matchLabels })) {
    const edits = mergeEdits(fix.document, LABELS, matchLabels, 'overwrite');
    actions.push(...documentFix(fix, 'Copier les labels du selector dans template.metadata.labels', edits, true));
  }
  if (Object.keys(labels).length > 0 && selectorMatches({ ...selector, matchLabels: labels }, labels)) {
    const edits = mergeEdits(fix.document, [...SELECTOR, 'matchLabels'], labels, 'exact');
    actions.push(...documentFix(fix, 'Remplacer selector.matchLabels par les labels du modèle de Pod', edits, actions.length === 0));
  }
  return actions;
}
