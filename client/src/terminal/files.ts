/**
 * The files a kubectl command line names (`-f web.yaml`, `-f k8s/`, `--from-file`),
 * read before runKubectl (which reads nothing itself), relative to the workspace folder
 * that stands for the current directory. The file system is injected: VS Code's in the
 * terminal, a map in the tests.
 */
import { fileArguments } from '../../../simulator/src/kubectl/commands/index';

/** What is read: a file's text, a folder's entries; undefined when the path is neither. */
export interface ReadOnlyFs {
  readFile(path: string): Promise<string | undefined>;
  readDirectory(path: string): Promise<{ name: string; directory: boolean }[] | undefined>;
}

/**
 * The files `args` name, keyed as runKubectl's `io.files` wants them: a file by the path as
 * written, a folder's files by `folder/name` (its subfolders' too with `-R`).
 */
export async function readArguments(fs: ReadOnlyFs, args: readonly string[]): Promise<Record<string, string>> {
  const { paths, recursive } = fileArguments(args);
  const files: Record<string, string> = {};
  const walk = async (folder: string): Promise<void> => {
    for (const entry of (await fs.readDirectory(folder)) ?? []) {
      const path = `${folder.replace(/\/+$/, '')}/${entry.name}`;
      if (entry.directory) {
        if (recursive) await walk(path);
        continue;
      }
      const text = await fs.readFile(path);
      if (text !== undefined) files[path] = text;
    }
  };
  for (const path of paths) {
    // `-f -` reads standard input: a terminal line has none.
    if (path === '-' || /^https?:\/\//.test(path)) continue;
    const text = await fs.readFile(path);
    if (text !== undefined) files[path] = text;
    else await walk(path);
  }
  return files;
}
