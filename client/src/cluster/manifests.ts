/**
 * The objects a YAML text declares, document by document, as `kubectl apply -f` reads
 * them: empty documents skipped, `kind: List` flattened, and what cannot be applied kept
 * as a failed entry (with kubectl's words and a French explanation) instead of stopping
 * the whole file. Each entry knows the line it starts on, for the output channel.
 */
import { LineCounter, parseAllDocuments } from 'yaml';
import { kindInfo, type KindInfo } from '../../../simulator/src/api/catalog';
import type { KubeObject } from '../../../simulator/src/store/store';

/** A failure in kubectl's words, with the French explanation beside it. */
export interface Problem {
  /** What kubectl prints (English, as on a real cluster). */
  message: string;
  /** Why, in French, for learners. */
  fr: string;
}

/** One object of a text, or why a document could not become one. */
export interface DeclaredObject {
  /** The file as kubectl names it in messages (`web.yaml`). */
  source: string;
  /** 1-based line where the document's content starts. */
  line: number;
  object?: KubeObject;
  info?: KindInfo;
  problem?: Problem;
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The first line of a YAML parser error, as Go's yaml reports it (`yaml: line 3: ...`). */
function yamlErrorText(error: { message: string; linePos?: readonly { line: number }[] }): string {
  const line = error.linePos?.[0]?.line;
  const first = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  return line === undefined ? `yaml: ${first}` : `yaml: line ${line}: ${first}`;
}

/**
 * Every object `text` declares, in order. `lineOffset` is added to line numbers (a
 * selection that starts on line 12 of its file reports that file's lines).
 */
export function declaredObjects(text: string, source: string, lineOffset = 0): DeclaredObject[] {
  const lineCounter = new LineCounter();
  const out: DeclaredObject[] = [];
  for (const document of parseAllDocuments(text, { lineCounter, uniqueKeys: false })) {
    const start = document.contents?.range[0] ?? document.range[0];
    const line = lineCounter.linePos(start).line + lineOffset;
    const error = document.errors[0];
    if (error) {
      out.push({
        source,
        line: (error.linePos?.[0]?.line ?? line - lineOffset) + lineOffset,
        problem: {
          message: `error parsing ${source}: error converting YAML to JSON: ${yamlErrorText(error)}`,
          fr: "Le YAML est mal formé à cet endroit (souvent une indentation ou un « : » manquant) : corrige-le, l'éditeur souligne l'erreur.",
        },
      });
      continue;
    }
    const value: unknown = document.toJS({ maxAliasCount: 100 });
    if (value === null || value === undefined) continue;
    collect(value, source, line, out);
  }
  return out;
}

function collect(value: unknown, source: string, line: number, out: DeclaredObject[]): void {
  if (!isObject(value)) {
    out.push({
      source,
      line,
      problem: {
        message: `error validating ${JSON.stringify(source)}: error validating data: invalid object to validate`,
        fr: "Ce document n'est pas un objet Kubernetes : il faut des clés apiVersion, kind, metadata…",
      },
    });
    return;
  }
  const kind = typeof value.kind === 'string' ? value.kind : '';
  if (kind === '') {
    out.push({
      source,
      line,
      problem: {
        message: `unable to decode ${JSON.stringify(source)}: Object 'Kind' is missing in '${JSON.stringify(value)}'`,
        fr: 'Il manque « kind: » : Kubernetes ne sait pas quel type d’objet créer.',
      },
    });
    return;
  }
  // Mirrors kubectl's resource builder: `kind: List` (or any *List) contributes its items.
  if (kind.endsWith('List') && Array.isArray(value.items)) {
    for (const item of value.items) collect(item, source, line, out);
    return;
  }
  const apiVersion = typeof value.apiVersion === 'string' ? value.apiVersion : '';
  const info = kindInfo(apiVersion, kind);
  if (!info) {
    const meta = isObject(value.metadata) ? value.metadata : {};
    const name = typeof meta.name === 'string' ? meta.name : '';
    const namespace = typeof meta.namespace === 'string' ? meta.namespace : '';
    out.push({
      source,
      line,
      problem: {
        message: `resource mapping not found for name: ${JSON.stringify(name)} namespace: ${JSON.stringify(namespace)} from ${JSON.stringify(source)}: no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(apiVersion)}\nensure CRDs are installed first`,
        fr: `Le cluster ne connaît pas « kind: ${kind} » en « apiVersion: ${apiVersion} » : vérifie l'orthographe du kind et l'apiVersion.`,
      },
    });
    return;
  }
  out.push({ source, line, object: value, info });
}
