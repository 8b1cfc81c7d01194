/**
 * The workspace files `docker build` reads, loaded before the simulated engine runs (it
 * reads nothing itself, and VS Code's file system is asynchronous): the Dockerfile (or
 * -f's), .dockerignore, and what its COPY and ADD name in the context folder, folders
 * walked (what .dockerignore excludes is skipped). Paths are relative to the workspace
 * folder, the terminal's current directory.
 */
import { buildInputs } from '../../../simulator/src/docker/commands';
import { cleanRelative, contextFromFiles, contextSources, ignoreMatcher, type BuildContext } from '../../../simulator/src/docker/context';
import type { ReadOnlyFs } from './files';

/** A build context is not a disk: at most this many files are loaded. */
const MAX_FILES = 2000;

const join = (folder: string, path: string): string => cleanRelative(folder === '' ? path : `${folder}/${path}`);

/** The files `docker ARGS` needs (a build's), as a context over the current folder; undefined for other commands. */
export async function readBuildFiles(fs: ReadOnlyFs, args: readonly string[]): Promise<BuildContext | undefined> {
  const inputs = buildInputs(args);
  if (!inputs) return undefined;
  const root = cleanRelative(inputs.context);
  const files: Record<string, string> = {};
  const directories = new Set<string>();
  if ((await fs.readDirectory(root === '' ? '.' : root)) === undefined) return contextFromFiles({});
  directories.add(root);
  const read = async (path: string): Promise<string | undefined> => {
    const text = await fs.readFile(path);
    if (text !== undefined) files[path] = text;
    return text;
  };
  const dockerfile = inputs.file !== undefined ? await read(cleanRelative(inputs.file)) : ((await read(join(root, 'Dockerfile'))) ?? (await read(join(root, 'dockerfile'))));
  const ignored = ignoreMatcher(await read(join(root, '.dockerignore')));
  let count = 0;
  const walk = async (folder: string): Promise<void> => {
    directories.add(folder);
    for (const entry of (await fs.readDirectory(folder === '' ? '.' : folder)) ?? []) {
      const path = join(folder, entry.name);
      const relative = root === '' ? path : path.slice(root.length + 1);
      if (count >= MAX_FILES || ignored(relative)) continue;
      if (entry.directory) await walk(path);
      else if ((await read(path)) !== undefined) count++;
    }
  };
  for (const source of dockerfile === undefined ? [] : contextSources(dockerfile)) {
    const path = join(root, source);
    if (/[*?[]/.test(source)) {
      // A glob: the folder's entries that match are read (the engine matches them again).
      await walk(path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : root);
    } else if ((await read(path)) === undefined && (await fs.readDirectory(path === '' ? '.' : path)) !== undefined) {
      await walk(path);
    }
  }
  return contextFromFiles(files, directories);
}
