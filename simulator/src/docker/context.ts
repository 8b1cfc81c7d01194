/**
 * The build context of `docker build DIR` and what COPY and ADD take from it (or from an
 * earlier stage, `COPY --from=build`): files, folders (their content, recursively), simple
 * globs (`*.html`), minus what .dockerignore excludes. Paths are relative to the context's
 * root, `/`-separated. The context is read through an interface: the CLI reads the disk,
 * the editor's terminal a map it filled beforehand (contextSources says what to read).
 */
import { parseDockerfile, type Dockerfile } from './dockerfile';

export interface BuildContext {
  /** The text of a file (path relative to the root), or undefined when it is not a file. */
  readFile(path: string): string | undefined;
  /** The entries of a folder ('' is the root), or undefined when it is not a folder. */
  readDir(path: string): { name: string; directory: boolean }[] | undefined;
}

/** At most this many files are taken from one source (a context is not a disk). */
const MAX_FILES = 2000;

const strip = (path: string): string => path.replace(/^\.\/+/, '').replace(/^\/+/, '').replace(/\/+$/, '').replace(/^\.$/, '');

/** Resolves `.` and `..` (Go's path.Clean), without the leading slash. */
export function cleanRelative(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

/**
 * A context over files given as a map (`web/index.html` -> text; leading `/` and `./`
 * ignored); `directories` names folders that exist even with none of their files given.
 */
export function contextFromFiles(files: Readonly<Record<string, string>>, directories: Iterable<string> = []): BuildContext {
  const map = new Map(Object.entries(files).map(([path, text]) => [cleanRelative(path), text]));
  const folders = new Set([...directories].map(cleanRelative));
  return {
    readFile: (path) => map.get(cleanRelative(path)),
    readDir: (path) => {
      const prefix = cleanRelative(path);
      const entries = new Map<string, boolean>();
      for (const file of map.keys()) {
        if (prefix !== '' && !file.startsWith(`${prefix}/`)) continue;
        const [first = '', ...rest] = (prefix === '' ? file : file.slice(prefix.length + 1)).split('/');
        entries.set(first, (entries.get(first) ?? false) || rest.length > 0);
      }
      if (entries.size === 0 && prefix !== '' && !folders.has(prefix)) return undefined;
      return [...entries].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, directory]) => ({ name, directory }));
    },
  };
}

/**
 * A path on the host, as `docker build PATH` and `-f FILE` name it: like cleanRelative, but
 * an absolute path stays absolute (`/home/moi/app`), where paths inside the context do not.
 */
export function cleanHostPath(path: string): string {
  const relative = cleanRelative(path);
  return path.startsWith('/') ? `/${relative}` : relative;
}

/** A context seen from one of its folders (`docker build web`). */
export function subContext(context: BuildContext, folder: string): BuildContext {
  const base = cleanHostPath(folder);
  const join = (path: string): string => {
    const relative = cleanRelative(path);
    return base === '' ? relative : cleanHostPath(relative === '' ? base : `${base}/${relative}`);
  };
  return { readFile: (path) => context.readFile(join(path)), readDir: (path) => context.readDir(join(path)) };
}

/** A glob as a regular expression source: `**` any folders, `*` and `?` within one name. */
const globToRegExp = (pattern: string): string =>
  pattern
    .split(/\*\*\/?/)
    .map((part) => part.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]'))
    .join('.*');

/** .dockerignore's patterns (Go's filepath.Match, `**`, `!` exceptions): the last that matches wins. */
export function ignoreMatcher(text: string | undefined): (path: string) => boolean {
  const rules = (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const negated = line.startsWith('!');
      const pattern = cleanRelative(negated ? line.slice(1).trim() : line);
      return { negated, regexp: new RegExp(`^${globToRegExp(pattern)}(/.*)?$`) };
    });
  return (path) => {
    let ignored = false;
    for (const rule of rules) if (rule.regexp.test(path)) ignored = !rule.negated;
    return ignored;
  };
}

/** Every file under `folder` ('' the root), not ignored, with its text. */
export function filesUnder(context: BuildContext, folder: string, ignored: (path: string) => boolean = () => false): [string, string][] {
  const out: [string, string][] = [];
  const walk = (dir: string): void => {
    for (const entry of context.readDir(dir) ?? []) {
      if (out.length >= MAX_FILES) return;
      const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (ignored(path)) continue;
      if (entry.directory) walk(path);
      else {
        const text = context.readFile(path);
        if (text !== undefined) out.push([path, text]);
      }
    }
  };
  walk(folder);
  return out;
}

export type CopyOutcome = { ok: true; files: Record<string, string>; read: [string, string][] } | { ok: false; missing: string };

const isGlob = (path: string): boolean => /[*?[]/.test(path);
const baseName = (path: string): string => path.split('/').pop() ?? path;

/**
 * What COPY or ADD puts where: `sources` (relative to the context, or to the stage's root)
 * copied to `dest` (absolute). A folder's content goes into dest; a file goes to dest, or
 * into it when dest ends with `/` or there are several sources. `read` lists the source
 * files taken (for the context's transfer size and the cache key).
 */
export function copyFiles(context: BuildContext, sources: readonly string[], dest: string, ignored: (path: string) => boolean): CopyOutcome {
  const files: Record<string, string> = {};
  const read: [string, string][] = [];
  const intoDir = dest.endsWith('/') || sources.length > 1 || sources.some(isGlob);
  const target = dest.replace(/\/+$/, '');
  const put = (path: string, text: string, to: string) => {
    files[to === '' ? '/' : to] = text;
    read.push([path, text]);
  };
  for (const source of sources) {
    const path = cleanRelative(strip(source));
    const matches: string[] = [];
    if (isGlob(path)) {
      const slash = path.lastIndexOf('/');
      const dir = slash < 0 ? '' : path.slice(0, slash);
      const regexp = new RegExp(`^${globToRegExp(path.slice(slash + 1))}$`);
      for (const entry of context.readDir(dir) ?? []) if (regexp.test(entry.name)) matches.push(dir === '' ? entry.name : `${dir}/${entry.name}`);
    } else {
      matches.push(path);
    }
    const found = matches.filter((match) => !ignored(match) && (context.readFile(match) !== undefined || context.readDir(match) !== undefined));
    if (found.length === 0) return { ok: false, missing: `/${path}` };
    for (const match of found) {
      const text = match === '' ? undefined : context.readFile(match);
      if (text !== undefined) {
        put(match, text, intoDir || matches.length > 1 ? `${target}/${baseName(match)}` : target);
        continue;
      }
      for (const [file, content] of filesUnder(context, match, ignored)) {
        const relative = match === '' ? file : file.slice(match.length + 1);
        put(file, content, `${target}/${relative}`);
      }
    }
  }
  return { ok: true, files, read };
}

/**
 * The context paths a Dockerfile's COPY and ADD (without --from) may read, and
 * .dockerignore: what a caller that cannot read lazily (the editor's terminal) loads first.
 */
export function contextSources(dockerfile: Dockerfile | string): string[] {
  const df = typeof dockerfile === 'string' ? parseDockerfile(dockerfile) : dockerfile;
  const sources = new Set<string>(['.dockerignore']);
  for (const instruction of df.instructions) {
    if ((instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') || 'from' in instruction.flags) continue;
    const words = instruction.exec ?? instruction.args.split(/\s+/);
    for (const word of words.slice(0, -1)) if (!/^https?:\/\//.test(word)) sources.add(cleanRelative(strip(word)));
  }
  return [...sources];
}
