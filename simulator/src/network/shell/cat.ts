/**
 * `cat FILE...` whose stdout is the terminal, byte for byte. The simulator's shell works in
 * lines (they are a container's log lines), so it ends every output with a newline; a real
 * cat copies the bytes: a ConfigMap key without a final newline prints without one, and
 * the shell's prompt follows on the same line. Only a plain `cat` of plain paths takes this
 * way; pipes, redirections, expansions and options stay with the shell.
 */
import { parseScript, ShellSyntaxError } from '../../kubelet/shparse';
import { normalizePath } from '../podFiles';
import type { ShellFiles } from './ls';

/** A word the shell would pass on unchanged: no quote, variable, glob or escape. */
const PLAIN = /^[\w./+@%,:=-]+$/;

/** The paths of `argv` when it is a plain `cat PATH...`, else undefined. */
function catPaths(argv: readonly string[]): string[] | undefined {
  const [name, ...paths] = argv;
  if (name !== 'cat' && name !== '/bin/cat' && name !== '/usr/bin/cat') return undefined;
  if (paths.length === 0 || paths.some((path) => path.startsWith('-') || !PLAIN.test(path))) return undefined;
  return paths;
}

/** The words of `script` when it is one simple command with no redirection or assignment. */
function simpleWords(script: string): string[] | undefined {
  let parsed;
  try {
    parsed = parseScript(script);
  } catch (error) {
    if (error instanceof ShellSyntaxError) return undefined;
    throw error;
  }
  const [only, ...more] = parsed;
  if (!only || more.length > 0 || only.rest.length > 0 || only.first.negate || only.first.commands.length !== 1) return undefined;
  const command = only.first.commands[0]!;
  if (command.type !== 'simple' || command.redirects.length > 0 || command.assignments.length > 0) return undefined;
  return command.words;
}

/**
 * What `argv` prints when it is a plain cat to the terminal (`cat F`, or `sh -c 'cat F'`):
 * the files' bytes, the errors of GNU cat or busybox's; undefined for anything else.
 */
export function catToTerminal(fs: ShellFiles, argv: readonly string[], gnu: boolean): { output: string; code: number } | undefined {
  const shell = /^(\/bin\/)?(sh|bash|ash|dash)$/.test(argv[0] ?? '') && argv.length === 3 && argv[1] === '-c';
  const paths = catPaths(shell ? (simpleWords(argv[2]!) ?? []) : argv);
  if (!paths) return undefined;
  let output = '';
  let code = 0;
  for (const path of paths) {
    const absolute = normalizePath(path, fs.cwd);
    const content = fs.files.get(absolute);
    if (content !== undefined) {
      output += content;
      continue;
    }
    code = 1;
    // GNU cat opens a folder and fails to read it; busybox says it the same way without the name.
    if (fs.directories.has(absolute)) output += gnu ? `cat: ${path}: Is a directory\n` : 'cat: read error: Is a directory\n';
    else output += gnu ? `cat: ${path}: No such file or directory\n` : `cat: can't open '${path}': No such file or directory\n`;
  }
  return { output, code };
}
