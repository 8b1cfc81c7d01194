/**
 * The static snippets (snippets/*.code-snippets) as the tests see them: loaded from the
 * files package.json contributes, expanded as VS Code expands them when the user only
 * presses Tab, and inserted into a host manifest at the cursor as VS Code inserts them.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../../support/dist';

export interface Snippet {
  scope: string;
  prefix: string | string[];
  description: string;
  body: string | string[];
}

export interface LoadedSnippet {
  /** `snippets/network.code-snippets` */
  file: string;
  /** The snippet's key in its file (what VS Code shows beside the prefix). */
  name: string;
  snippet: Snippet;
  prefixes: string[];
  /** The body as one text, lines joined as VS Code joins them. */
  body: string;
}

interface Manifest {
  contributes: { snippets: { language: string; path: string }[] };
}

/** The snippet files package.json contributes, with their language. */
export function contributedSnippetFiles(): { language: string; path: string }[] {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;
  return manifest.contributes.snippets;
}

/** Every snippet of every contributed file, in file order. */
export function loadSnippets(): LoadedSnippet[] {
  return contributedSnippetFiles().flatMap(({ path: file }) => {
    const relative = path.posix.normalize(file);
    const snippets = JSON.parse(readFileSync(path.join(ROOT, relative), 'utf8')) as Record<string, Snippet>;
    return Object.entries(snippets).map(([name, snippet]) => ({
      file: relative,
      name,
      snippet,
      prefixes: [snippet.prefix].flat(),
      body: [snippet.body].flat().join('\n'),
    }));
  });
}

/** A parsed snippet: text, tab stops (`$1`, `${1:default}`, `${1|a,b|}`). */
type Part = string | { stop: number; parts?: Part[]; choices?: string[] };

function parse(body: string, from: number, nested: boolean): { parts: Part[]; end: number } {
  const parts: Part[] = [];
  let text = '';
  const flush = (): void => {
    if (text !== '') parts.push(text);
    text = '';
  };
  let i = from;
  while (i < body.length) {
    const char = body[i]!;
    if (char === '\\' && i + 1 < body.length && '$}\\,|'.includes(body[i + 1]!)) {
      text += body[i + 1];
      i += 2;
    } else if (nested && char === '}') {
      flush();
      return { parts, end: i + 1 };
    } else if (char === '$' && /\d/.test(body[i + 1] ?? '')) {
      flush();
      const digits = /^\d+/.exec(body.slice(i + 1))![0];
      parts.push({ stop: Number(digits) });
      i += 1 + digits.length;
    } else if (char === '$' && body[i + 1] === '{' && /\d/.test(body[i + 2] ?? '')) {
      flush();
      const head = /^\$\{(\d+)([:|}])/.exec(body.slice(i));
      if (!head) throw new Error(`snippet: malformed tab stop at ${i}: ${body.slice(i, i + 20)}`);
      const stop = Number(head[1]);
      i += head[0].length;
      if (head[2] === '}') {
        parts.push({ stop });
      } else if (head[2] === '|') {
        const close = body.indexOf('|}', i);
        if (close === -1) throw new Error(`snippet: unclosed choice for $${stop}`);
        parts.push({ stop, choices: body.slice(i, close).split(',') });
        i = close + 2;
      } else {
        const inner = parse(body, i, true);
        parts.push({ stop, parts: inner.parts });
        i = inner.end;
      }
    } else {
      text += char;
      i++;
    }
  }
  if (nested) throw new Error('snippet: unclosed placeholder');
  flush();
  return { parts, end: i };
}

/**
 * The text VS Code inserts when the user accepts every default: a placeholder keeps its
 * default, a choice its first option, a bare `$N` mirrors what tab stop N holds, `$0`
 * (the final cursor) is empty. `choose` picks another option of a choice.
 */
export function expandSnippet(body: string, choose: Readonly<Record<number, string>> = {}): string {
  const { parts } = parse(body, 0, false);
  const values = new Map<number, string>();
  // Defaults may mirror other tab stops (`${2:$1}`): resolve until nothing changes.
  const render = (list: readonly Part[]): string =>
    list
      .map((part) => {
        if (typeof part === 'string') return part;
        if (part.choices) return choose[part.stop] ?? part.choices[0]!;
        if (part.parts) return render(part.parts);
        return values.get(part.stop) ?? '';
      })
      .join('');
  // The first placeholder of a tab stop gives its value.
  const collect = (list: readonly Part[], seen: Set<number>): void => {
    for (const part of list) {
      if (typeof part === 'string') continue;
      if (part.parts) collect(part.parts, seen);
      if (seen.has(part.stop) || (!part.choices && !part.parts)) continue;
      seen.add(part.stop);
      values.set(part.stop, part.choices ? (choose[part.stop] ?? part.choices[0]!) : render(part.parts!));
    }
  };
  for (let pass = 0; pass < 3; pass++) collect(parts, new Set());
  return render(parts);
}

/** Every default given to each tab stop (a stop written twice should say the same both times). */
export function tabStopDefaults(body: string): Map<number, string[]> {
  const defaults = new Map<number, string[]>();
  const visit = (list: readonly Part[]): void => {
    for (const part of list) {
      if (typeof part === 'string') continue;
      const given = part.choices ? part.choices.join(',') : part.parts ? JSON.stringify(part.parts) : undefined;
      if (given !== undefined) defaults.set(part.stop, [...(defaults.get(part.stop) ?? []), given]);
      if (part.parts) visit(part.parts);
    }
  };
  visit(parse(body, 0, false).parts);
  return defaults;
}

/** The options of each choice of a snippet, by tab stop. */
export function choicesOf(body: string): Map<number, string[]> {
  const choices = new Map<number, string[]>();
  const visit = (list: readonly Part[]): void => {
    for (const part of list) {
      if (typeof part === 'string') continue;
      if (part.choices) choices.set(part.stop, part.choices);
      if (part.parts) visit(part.parts);
    }
  };
  visit(parse(body, 0, false).parts);
  return choices;
}

/**
 * Inserts an expanded snippet where `marker` stands in `host`, as VS Code does: the first
 * line goes at the cursor, each following line gets the indentation of the cursor's line.
 */
export function insertAt(host: string, marker: string, expanded: string): string {
  const at = host.indexOf(marker);
  if (at === -1) throw new Error(`insertAt: no ${marker} in the host`);
  const lineStart = host.lastIndexOf('\n', at) + 1;
  const indent = /^[ \t]*/.exec(host.slice(lineStart, at))![0];
  const text = expanded
    .split('\n')
    .map((line, index) => (index === 0 ? line : indent + line))
    .join('\n');
  return host.slice(0, at) + text + host.slice(at + marker.length);
}

/** Where a fragment goes in a Pod template: the list of containers, a container, or the Pod's spec. */
export type Place = 'containers' | 'container' | 'pod';

const PLACES: Readonly<Record<string, Place>> = {
  '-': 'containers',
  livenessProbe: 'container',
  readinessProbe: 'container',
  startupProbe: 'container',
  resources: 'container',
  env: 'container',
  envFrom: 'container',
  volumeMounts: 'container',
  volumes: 'pod',
};

/** The place of an expanded fragment, from its first key (undefined: a fragment the tests do not know where to put). */
export function placeOf(expanded: string): Place | undefined {
  const first = /^(-|[A-Za-z]+):?/.exec(expanded)?.[1];
  return first === undefined || !Object.hasOwn(PLACES, first) ? undefined : PLACES[first];
}

/** The Deployment fragments are tried in; `@place@` marks where each place is. */
const HOST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: hote
spec:
  replicas: 2
  selector:
    matchLabels:
      app: hote
  template:
    metadata:
      labels:
        app: hote
    spec:
      containers:
        @containers@
      @pod@
`;

/** The host's own container, when no fragment supplies one. */
const HOST_CONTAINER = `- name: web
  image: nginx:1.27
  ports:
    - containerPort: 80
  @container@`;

export const HOST_NAME = 'hote';

/** The host Deployment with each fragment (place, expanded text) typed at its place. */
export function hostWith(fragments: readonly (readonly [Place, string])[]): string {
  let text = HOST;
  if (!fragments.some(([place]) => place === 'containers')) text = insertAt(text, '@containers@', HOST_CONTAINER);
  for (const [place, expanded] of fragments) text = insertAt(text, `@${place}@`, `${expanded}\n@${place}@`);
  return text.replace(/^[ \t]*@[a-z]+@\n?/gm, '');
}

/**
 * The ways to try a fragment in the host Deployment: typed alone at its place, or, for
 * volumeMounts, once per volume name it offers, next to the volume fragment of that name.
 */
export function trialsOf(fragment: LoadedSnippet, all: readonly LoadedSnippet[]): { label: string; host: string }[] {
  const text = expandSnippet(fragment.body);
  const place = placeOf(text);
  if (!place) throw new Error(`${fragment.name}: no place for this fragment`);
  if (!text.startsWith('volumeMounts:')) return [{ label: 'alone', host: hostWith([[place, text]]) }];
  const volumes = all.map((s) => expandSnippet(s.body)).filter((body) => placeOf(body) === 'pod');
  return [...choicesOf(fragment.body)].flatMap(([stop, options]) =>
    options.map((option) => {
      const volume = volumes.find((body) => body.includes(`- name: ${option}\n`));
      if (!volume) throw new Error(`${fragment.name}: no volume fragment is named ${option}`);
      return { label: `mounting ${option}`, host: hostWith([['pod', volume], ['container', expandSnippet(fragment.body, { [stop]: option })]]) };
    }),
  );
}
