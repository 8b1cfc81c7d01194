/**
 * What `-f FILE|DIR` hands kubectl's resource builder: the files (a folder's `.json`,
 * `.yaml` and `.yml` files in lexical order, recursively with `-R`), each split into its
 * YAML documents, `kind: List` flattened, empty documents skipped. The caller read the
 * files (io.files); nothing here touches a disk.
 */
import { LineCounter, parseAllDocuments } from 'yaml';
import { kindInfo, type KindInfo } from '../../api/catalog';
import { GO_YAML_OPTIONS } from '../../api/goyaml';
import { compareStrings, goJson, isJsonObject } from '../../store/json';
import type { KubeObject } from '../../store/store';
import { KubectlError } from './errors';

/** One object read from a file, with what kubectl's resource.Info knows of it. */
export interface Manifest {
  /** The path as kubectl names it in messages (`web.yaml`, `k8s/web.yaml`). */
  source: string;
  object: KubeObject;
  info: KindInfo;
}

/** Mirrors resource.FileExtensions: the files a folder contributes. */
const FILE_EXTENSIONS = ['.json', '.yaml', '.yml'];

const trimSlash = (path: string): string => (path.length > 1 ? path.replace(/\/+$/, '') : path);

/**
 * The files `-f paths` names, in kubectl's order. Throws `the path "x" does not exist`
 * for a path that is neither a file nor a folder of `files`.
 */
export function expandPaths(paths: readonly string[], files: Readonly<Record<string, string>>, recursive: boolean): string[] {
  const out: string[] = [];
  for (const raw of paths) {
    if (/^https?:\/\//.test(raw)) {
      throw new KubectlError(`unable to read URL ${JSON.stringify(raw)}, server reported 404 Not Found, status code=404`, "Le cluster simulé ne télécharge rien : enregistre le manifeste dans un fichier, puis « kubectl apply -f fichier.yaml ».");
    }
    const path = trimSlash(raw);
    if (Object.hasOwn(files, path)) {
      out.push(path);
      continue;
    }
    const prefix = path === '.' ? '' : `${path}/`;
    const inside = Object.keys(files)
      .filter((file) => file.startsWith(prefix) && (recursive || !file.slice(prefix.length).includes('/')))
      .sort(compareStrings);
    if (inside.length === 0 && !Object.keys(files).some((file) => file.startsWith(prefix))) {
      throw new KubectlError(`the path ${JSON.stringify(raw)} does not exist`, `Aucun fichier ni dossier « ${raw} » ici : vérifie le chemin (il est relatif au dossier courant).`);
    }
    out.push(...inside.filter((file) => FILE_EXTENSIONS.some((ext) => file.endsWith(ext))));
  }
  return out;
}

/** The line of a YAML error, as Go's yaml reports it (`yaml: line 3: ...`). */
function yamlErrorText(error: { message: string; linePos?: readonly { line: number }[] }): string {
  const line = error.linePos?.[0]?.line;
  const first = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return line === undefined ? `yaml: ${first}` : `yaml: line ${line}: ${first}`;
}

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
  /** True when the problem is the YAML itself (kubectl stops reading the file there). */
  yamlError?: boolean;
}

/**
 * Every document of `text` decoded as kubectl's resource builder does: empty documents
 * skipped, `kind: List` flattened, and what cannot become an object kept as a problem
 * with kubectl's words. `lineOffset` is added to line numbers (a selection starting on
 * line 12 of its file reports that file's lines). The editor applies what it can and
 * reports the rest; kubectl (readManifests) stops a file at its first YAML error.
 */
export function declaredObjects(text: string, source: string, lineOffset = 0): DeclaredObject[] {
  const lineCounter = new LineCounter();
  const out: DeclaredObject[] = [];
  // YAML 1.1 scalars, as sigs.k8s.io/yaml's go-yaml v2 reads them (api/goyaml.ts).
  for (const document of parseAllDocuments(text, { lineCounter, uniqueKeys: false, ...GO_YAML_OPTIONS })) {
    const start = document.contents?.range[0] ?? document.range[0];
    const line = lineCounter.linePos(start).line + lineOffset;
    const error = document.errors[0];
    if (error) {
      out.push({
        source,
        line: (error.linePos?.[0]?.line ?? line - lineOffset) + lineOffset,
        yamlError: true,
        problem: {
          message: `error parsing ${source}: error converting YAML to JSON: ${yamlErrorText(error)}`,
          fr: `Le YAML de « ${source} » est mal formé (souvent une indentation ou un « : » manquant) : corrige-le, l'éditeur souligne l'endroit.`,
        },
      });
      continue;
    }
    const value: unknown = document.toJS({ maxAliasCount: 100 });
    if (value === null || value === undefined) continue;
    collect(source, value, line, out);
  }
  return out;
}

/** The documents of one file, Lists flattened. Errors are collected, not thrown. */
export function readManifests(source: string, text: string, errors: unknown[]): Manifest[] {
  const out: Manifest[] = [];
  for (const declared of declaredObjects(text, source)) {
    if (declared.problem) {
      errors.push(new KubectlError(declared.problem.message, declared.problem.fr));
      if (declared.yamlError) return out;
      continue;
    }
    out.push({ source, object: declared.object!, info: declared.info! });
  }
  return out;
}

function collect(source: string, value: unknown, line: number, out: DeclaredObject[]): void {
  const problem = (message: string, fr: string): void => void out.push({ source, line, problem: { message, fr } });
  if (!isJsonObject(value)) {
    problem(`error validating ${JSON.stringify(source)}: error validating data: invalid object to validate`, `Un document de « ${source} » n'est pas un objet Kubernetes (il faut des clés apiVersion, kind, metadata...).`);
    return;
  }
  const kind = typeof value.kind === 'string' ? value.kind : '';
  if (kind === '') {
    problem(`unable to decode ${JSON.stringify(source)}: Object 'Kind' is missing in '${goJson(value)}'`, `Il manque « kind: » dans un document de « ${source} » : Kubernetes ne sait pas quel type d'objet créer.`);
    return;
  }
  // Mirrors the resource builder: `kind: List` (or any *List) contributes its items.
  if (kind.endsWith('List') && Array.isArray(value.items)) {
    for (const item of value.items) collect(source, item, line, out);
    return;
  }
  const apiVersion = typeof value.apiVersion === 'string' ? value.apiVersion : '';
  const info = kindInfo(apiVersion, kind);
  if (!info) {
    const meta = isJsonObject(value.metadata) ? value.metadata : {};
    const name = typeof meta.name === 'string' ? meta.name : '';
    const namespace = typeof meta.namespace === 'string' ? meta.namespace : '';
    problem(
      `resource mapping not found for name: ${JSON.stringify(name)} namespace: ${JSON.stringify(namespace)} from ${JSON.stringify(source)}: no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(apiVersion)}\nensure CRDs are installed first`,
      `Le cluster ne connaît pas « kind: ${kind} » en « apiVersion: ${apiVersion} » : vérifie l'orthographe du kind et l'apiVersion (kubectl api-resources les liste).`,
    );
    return;
  }
  out.push({ source, line, object: value, info });
}

/** Every object the `-f` paths hold, in order, and the errors met reading them. */
export function loadManifests(paths: readonly string[], files: Readonly<Record<string, string>>, recursive: boolean): { manifests: Manifest[]; errors: unknown[] } {
  const errors: unknown[] = [];
  const manifests: Manifest[] = [];
  // `-f -` reads standard input, which kubectl names STDIN in its messages.
  for (const file of expandPaths(paths, files, recursive)) manifests.push(...readManifests(file === '-' ? 'STDIN' : file, files[file]!, errors));
  return { manifests, errors };
}
