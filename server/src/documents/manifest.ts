/**
 * Parses one YAML document (a chunk of a file) into what every feature needs: the YAML
 * tree with positions, the plain value, its apiVersion and kind, and the problems found
 * while parsing. Bad input never throws: YAML bombs, deep nesting and syntax errors come
 * back as problems.
 */
import { FAILSAFE_SCHEMA, Type, load } from 'js-yaml';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { GO_YAML_OPTIONS, resolveGoYamlScalar } from '../../../simulator/src/api/goyaml';
import { TextLocator } from './locate';
import { locatePath, type PathTarget } from './positions';

/** How many aliases one document may expand: a YAML bomb stops here (Kubernetes' own decoder refuses them too). */
export const MAX_ALIAS_COUNT = 100;
/** Deeper values are refused: no real manifest nests 100 levels. */
export const MAX_DEPTH = 100;

export type ProblemCode = 'yaml-syntax' | 'yaml-duplicate-key' | 'yaml-bomb' | 'yaml-too-deep' | 'yaml-tab';

/** A problem found while parsing, positioned by offsets in the chunk. */
export interface ParseProblem {
  code: ProblemCode;
  /** The parser's code (`BAD_INDENT`...), when it comes from the yaml library. */
  yamlCode?: string;
  start: number;
  end: number;
  /** French explanation. */
  message: string;
  severity: 'error' | 'warning';
}

export interface ParsedManifest {
  /**
   * The YAML tree with source ranges (offsets in the chunk). Built on first use when the
   * fast path parsed the document: hover, completion and code actions need it, most
   * diagnostics do not.
   */
  readonly yaml: Document.Parsed;
  /** Where a path lies in the document (the key of its deepest existing segment). */
  locate(path: readonly (string | number)[]): PathTarget;
  lineCounter: LineCounter;
  /** The document as JSON data; undefined when it cannot be built safely. */
  value: unknown;
  problems: ParseProblem[];
  apiVersion?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  /** True when the document is a Kubernetes object: it has apiVersion and kind. */
  isKubernetes: boolean;
  /** True when the document holds nothing but comments and blank lines. */
  isEmpty: boolean;
}

const FRENCH_YAML_ERRORS: Record<string, string> = {
  BAD_INDENT: "Indentation incohérente : les clés d'un même bloc doivent commencer à la même colonne.",
  BAD_DIRECTIVE: 'Directive YAML invalide (les lignes qui commencent par % sont des directives).',
  BAD_DQ_ESCAPE: 'Séquence d’échappement invalide dans une chaîne entre guillemets doubles.',
  BAD_SCALAR_START: 'Cette valeur ne peut pas commencer par ce caractère : mets-la entre guillemets.',
  BLOCK_AS_IMPLICIT_KEY: "Une clé ne peut pas être un bloc : vérifie qu'il ne manque pas « : » ou une indentation.",
  BLOCK_IN_FLOW: 'Un bloc YAML ne peut pas apparaître dans une collection entre [ ] ou { }.',
  DUPLICATE_KEY: 'Cette clé apparaît deux fois dans le même objet : Kubernetes refuse les clés en double.',
  IMPOSSIBLE: 'YAML invalide.',
  KEY_OVER_1024_CHARS: 'Une clé implicite ne peut pas dépasser 1 024 caractères.',
  MISSING_CHAR: 'Il manque un caractère (souvent « : » après une clé, ou un guillemet fermant).',
  MULTILINE_IMPLICIT_KEY: "Une clé ne peut pas tenir sur plusieurs lignes : il manque sans doute « : » à la fin d'une ligne.",
  MULTIPLE_ANCHORS: 'Un nœud ne peut avoir qu’une seule ancre (&nom).',
  MULTIPLE_DOCS: 'Plusieurs documents sans séparateur « --- ».',
  MULTIPLE_TAGS: 'Un nœud ne peut avoir qu’un seul tag (!tag).',
  TAB_AS_INDENT: "Les tabulations sont interdites pour indenter en YAML : utilise des espaces.",
  TAG_RESOLVE_FAILED: 'Tag YAML inconnu.',
  UNEXPECTED_TOKEN: 'Élément inattendu à cet endroit : vérifie l’indentation et la ponctuation.',
  BAD_ALIAS: 'Alias (*nom) invalide.',
  BAD_COLLECTION_TYPE: 'Type de collection invalide.',
};

function problemCode(yamlCode: string): ProblemCode {
  if (yamlCode === 'DUPLICATE_KEY') return 'yaml-duplicate-key';
  if (yamlCode === 'TAB_AS_INDENT') return 'yaml-tab';
  return 'yaml-syntax';
}

const MANIFEST_HINT = /^apiVersion:[ \t]*\S/m;
const KIND_HINT = /^kind:[ \t]*\S/m;

/** Depth of a JSON value, computed without recursion so that depth itself cannot overflow the stack. */
export function depthOf(value: unknown, limit = MAX_DEPTH): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (depth > max) max = depth;
    if (max > limit) return max;
    if (current !== null && typeof current === 'object') {
      for (const child of Object.values(current)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return max;
}

/** What parseManifest answers for absurdly nested text, without parsing it. */
function tooDeep(text: string): ParsedManifest {
  const lineCounter = new LineCounter();
  const yaml = parseDocument('', { lineCounter, logLevel: 'error' });
  return {
    yaml,
    locate: (path) => locatePath(yaml, path),
    lineCounter,
    value: undefined,
    problems: [
      {
        code: 'yaml-too-deep',
        start: 0,
        end: Math.min(text.length, 1),
        message: `Ce document est imbriqué sur plus de ${MAX_DEPTH} niveaux : aucun manifeste réel n'en a besoin, il n'est pas analysé.`,
        severity: 'error',
      },
    ],
    isKubernetes: MANIFEST_HINT.test(text) && KIND_HINT.test(text),
    isEmpty: false,
  };
}

function stringField(value: unknown, ...path: string[]): string | undefined {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return typeof current === 'string' ? current : undefined;
}

/**
 * How deep the text's flow collections (`[`, `{`) nest, scanned in one pass before
 * parsing, so that absurd nesting is refused without feeding it to the parser.
 * Quoted strings and comments are skipped roughly; a false alarm needs > MAX_DEPTH brackets.
 */
export function flowDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote !== '') {
      // A quote left open at the end of a line was an apostrophe in plain text (l'image).
      if (c === quote || c === '\n') quote = '';
      else if (c === '\\' && quote === '"') i++;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') max = Math.max(max, ++depth);
    else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return max;
}

/**
 * kubectl's scalars (go-yaml v2, YAML 1.1: `yes` is true, `0400` is 256) for js-yaml, from
 * the same resolver the simulator's manifest reader uses, so the fast path, the full
 * parser and `kubectl apply` agree on every value.
 */
const GO_YAML_SCALARS = new Type('tag:yaml.org,2002:go-yaml-v2', {
  kind: 'scalar',
  resolve: (data: string | null) => typeof resolveGoYamlScalar(data ?? '') !== 'string',
  construct: (data: string | null) => resolveGoYamlScalar(data ?? ''),
});
const GO_YAML_SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: [GO_YAML_SCALARS] });

/** Anchors, aliases, tags and merge keys: left to the full parser. */
const NEEDS_FULL_PARSER = /(^|[\s[{,])[&*!][^\s,\]}]|<<\s*:/m;

/** Parses one document's text. Never throws. */
export function parseManifest(text: string): ParsedManifest {
  if (flowDepth(text) > MAX_DEPTH) return tooDeep(text);
  return (NEEDS_FULL_PARSER.test(text) ? undefined : fastParse(text)) ?? fullParse(text);
}

function lineCounterOf(text: string): LineCounter {
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
  return lineCounter;
}

/**
 * The fast path: js-yaml (several times faster than building a YAML tree) for valid,
 * plain documents, with positions found in the text by TextLocator. Any error, and any
 * anchor, alias, tag or merge key, sends the document to the full parser, which reports
 * every problem with its position.
 */
function fastParse(text: string): ParsedManifest | undefined {
  let value: unknown;
  try {
    // kubectl's YAML 1.1 scalars, as the full parser resolves them (no dates).
    value = load(text, { schema: GO_YAML_SCHEMA });
  } catch {
    return undefined;
  }
  if (value === undefined) value = null;
  if (depthOf(value) > MAX_DEPTH) return undefined;
  const lineCounter = lineCounterOf(text);
  let tree: Document.Parsed | undefined;
  let locator: TextLocator | undefined;
  const apiVersion = stringField(value, 'apiVersion');
  const kind = stringField(value, 'kind');
  return {
    get yaml() {
      tree ??= parseDocument(text, { uniqueKeys: true, prettyErrors: false, keepSourceTokens: false, logLevel: 'error', ...GO_YAML_OPTIONS });
      return tree;
    },
    locate(path) {
      locator ??= new TextLocator(text);
      return locator.locate(path) ?? locatePath(this.yaml, path);
    },
    lineCounter,
    value,
    problems: [],
    apiVersion,
    kind,
    name: stringField(value, 'metadata', 'name'),
    namespace: stringField(value, 'metadata', 'namespace'),
    isKubernetes: apiVersion !== undefined && kind !== undefined,
    isEmpty: value === null && text.split('\n').every((line) => /^\s*(#.*)?$/.test(line) || line.startsWith('---')),
  };
}

/** The full parser: the YAML tree with positions and every problem. */
function fullParse(text: string): ParsedManifest {
  const lineCounter = new LineCounter();
  // logLevel 'error': the parser's warnings become problems, never lines on the server's stderr.
  const yaml = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, keepSourceTokens: false, logLevel: 'error', ...GO_YAML_OPTIONS });
  const problems: ParseProblem[] = [];
  for (const error of [...yaml.errors, ...yaml.warnings]) {
    const code = String(error.code);
    problems.push({
      code: problemCode(code),
      yamlCode: code,
      start: error.pos[0],
      end: Math.max(error.pos[1], error.pos[0] + 1),
      message: FRENCH_YAML_ERRORS[code] ?? 'YAML invalide.',
      severity: yaml.errors.includes(error) ? 'error' : 'warning',
    });
  }
  let value: unknown;
  try {
    value = yaml.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    value = undefined;
    const bomb = error instanceof ReferenceError || /alias/i.test(String(error));
    problems.push({
      code: bomb ? 'yaml-bomb' : 'yaml-syntax',
      start: 0,
      end: Math.min(text.length, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n')),
      message: bomb
        ? `Ce document développe trop d'alias YAML (plus de ${MAX_ALIAS_COUNT}) : c'est la signature d'une « bombe YAML ». Kubernetes le refuserait ; il n'est pas analysé.`
        : 'Ce document ne peut pas être converti en données.',
      severity: 'error',
    });
  }
  if (value !== undefined && depthOf(value) > MAX_DEPTH) {
    problems.push({
      code: 'yaml-too-deep',
      start: 0,
      end: Math.min(text.length, 1),
      message: `Ce document est imbriqué sur plus de ${MAX_DEPTH} niveaux : aucun manifeste réel n'en a besoin, il n'est pas analysé.`,
      severity: 'error',
    });
    value = undefined;
  }
  const apiVersion = stringField(value, 'apiVersion');
  const kind = stringField(value, 'kind');
  return {
    yaml,
    locate: (path) => locatePath(yaml, path),
    lineCounter,
    value,
    problems,
    apiVersion,
    kind,
    name: stringField(value, 'metadata', 'name'),
    namespace: stringField(value, 'metadata', 'namespace'),
    // A document too broken to convert (a bomb, absurd nesting) still counts as Kubernetes
    // when its text says so, so that its problem is reported.
    isKubernetes: (apiVersion !== undefined && kind !== undefined) || (value === undefined && MANIFEST_HINT.test(text) && KIND_HINT.test(text)),
    isEmpty: yaml.contents === null,
  };
}
