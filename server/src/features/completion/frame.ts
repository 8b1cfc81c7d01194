/**
 * What every completion source needs to know about one request: the cursor site, the
 * document's kind, the range an item replaces, and the document as data.
 */
import { parseDocument } from 'yaml';
import type { Range } from 'vscode-languageserver';
import { apiVersionsOf, kindInfo, type KindInfo } from '../../../../simulator/src/api/catalog';
import { positionAt } from '../../documents/convert';
import type { ManifestDocument } from '../../documents/file';
import { MAX_ALIAS_COUNT } from '../../documents/manifest';
import type { Path } from '../../documents/positions';
import type { FeatureContext } from '../context';
import type { CursorSite } from './cursor';
import { rootScalars } from './lines';

export interface Frame {
  site: CursorSite;
  document: ManifestDocument;
  context: FeatureContext;
  /** The file range an accepted item replaces. */
  range: Range;
  /** apiVersion and kind as written at the top level (possibly not served). */
  apiVersion?: string;
  kind?: string;
  /** Where they sit, for edits that add the other one. */
  kindLine?: number;
  /** The kind's catalogue entry: the written apiVersion, else the preferred one of the kind. */
  info?: KindInfo;
  /** The document as data, read again without the cursor's line when typing broke the parse. */
  value(): unknown;
  /** metadata.namespace, if written. */
  namespace(): string | undefined;
}

/** The value at `path` of `value`, or undefined. */
export function valueAt(value: unknown, path: Path): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (Array.isArray(current) !== (typeof segment === 'number')) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** A plain object (a YAML map), or undefined. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Past this many lines, parsing the document again would cost more than a completion may take. */
const MAX_REPAIRED_LINES = 1_000;

/**
 * The document's data. When the line being typed broke the parse (a half-typed key folds
 * the next key into it: `rep` + `template` -> `rep template`), the document is parsed again
 * without that line, if it is small enough to stay within the completion's time budget.
 */
function repairedValue(document: ManifestDocument, site: CursorSite): unknown {
  const { parsed } = document;
  const [start, end] = site.lineSpan;
  const broken = parsed.problems.some((problem) => problem.start <= end && problem.end >= start);
  if (!broken || site.lines.length > MAX_REPAIRED_LINES) return parsed.value;
  const lines = [...site.lines];
  lines[site.line] = '';
  try {
    return parseDocument(lines.join('\n'), { uniqueKeys: false, logLevel: 'error' }).toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown;
  } catch {
    return parsed.value;
  }
}

export function frameOf(document: ManifestDocument, site: CursorSite, context: FeatureContext): Frame {
  const header = rootScalars(site.lines);
  const apiVersion = header.get('apiVersion')?.value || undefined;
  const kind = header.get('kind')?.value || undefined;
  const preferred = kind ? apiVersionsOf(kind)[0] : undefined;
  const info = kind ? ((apiVersion ? kindInfo(apiVersion, kind) : undefined) ?? (preferred ? kindInfo(preferred, kind) : undefined)) : undefined;
  let value: { data: unknown } | undefined;
  return {
    site,
    document,
    context,
    range: { start: positionAt(document, site.replace[0]), end: positionAt(document, site.replace[1]) },
    apiVersion,
    kind,
    kindLine: header.get('kind')?.line,
    info,
    value() {
      value ??= { data: repairedValue(document, site) };
      return value.data;
    },
    namespace() {
      const namespace = valueAt(this.value(), ['metadata', 'namespace']);
      return typeof namespace === 'string' && namespace !== '' ? namespace : undefined;
    },
  };
}
