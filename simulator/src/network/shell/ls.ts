/**
 * `ls [-1aAlC] [PATH...]` in the exec shell, as GNU coreutils (debian, ubuntu images) and
 * busybox print it. Mirrors both: one name per line when stdout is not a terminal
 * (`kubectl exec POD -- ls` without -t, or `ls -1`), names in columns on a terminal (80
 * columns, filled down then across); `-l` with `total` in 1 KiB blocks, GNU's columns
 * sized to their widest value, busybox's fixed `%-10s %4u %-8s %-8s %9u`.
 */
import { byteLength } from '../../api/validation/rules/formats';
import type { ProgramResult } from '../../kubelet/shell';
import { normalizePath } from '../podFiles';

/** What ls reads of the container's files. */
export interface ShellFiles {
  cwd: string;
  files: ReadonlyMap<string, string>;
  directories: ReadonlySet<string>;
  entries(folder: string): { name: string; directory: boolean }[];
}

/** How ls runs: GNU or busybox, stdout a terminal or not, the time that stamps `-l`. */
export interface LsContext {
  gnu: boolean;
  tty: boolean;
  now: number;
}

/** The terminal width kubectl passes on (`-t` without a size: 80 columns). */
const WIDTH = 80;
const FLAGS = /^-[a-zA-Z1]+$/;

interface Entry {
  name: string;
  directory: boolean;
  /** Absolute path. */
  path: string;
}

/**
 * Names in columns, down then across. GNU picks the most columns that fit, each as wide as
 * its longest name plus two spaces; busybox gives every column the longest name's width.
 */
export function columns(names: readonly string[], gnu: boolean, width = WIDTH): string[] {
  if (names.length === 0) return [];
  const widest = Math.max(...names.map((name) => name.length));
  let layout = { rows: names.length, widths: [widest] };
  if (gnu) {
    for (let count = names.length; count > 1; count--) {
      const rows = Math.ceil(names.length / count);
      const widths: number[] = [];
      for (let start = 0; start < names.length; start += rows) widths.push(Math.max(...names.slice(start, start + rows).map((name) => name.length)));
      if (widths.length !== count) continue;
      if (widths.reduce((sum, w) => sum + w + 2, 0) - 2 <= width) {
        layout = { rows, widths };
        break;
      }
    }
  } else {
    const perLine = Math.max(1, Math.floor(width / (widest + 2)));
    const rows = Math.ceil(names.length / perLine);
    layout = { rows, widths: Array.from({ length: Math.ceil(names.length / rows) }, () => widest) };
  }
  const lines: string[] = [];
  for (let row = 0; row < layout.rows; row++) {
    let line = '';
    layout.widths.forEach((w, column) => {
      const name = names[column * layout.rows + row];
      if (name === undefined) return;
      const next = names[(column + 1) * layout.rows + row];
      line += next === undefined ? name : name.padEnd(w + 2);
    });
    lines.push(line);
  }
  return lines;
}

const sizeOf = (fs: ShellFiles, entry: Entry): number => (entry.directory ? 4096 : byteLength(fs.files.get(entry.path) ?? ''));
/** 1 KiB blocks: 4 for a folder or a small file, 0 for an empty one. */
const blocksOf = (size: number): number => Math.ceil(size / 4096) * 4;

/** `-l` lines; `now` stamps them as `Jun  1 10:00` (GNU and busybox, for a recent file). */
function long(fs: ShellFiles, entries: readonly Entry[], context: LsContext): string[] {
  const when = new Date(context.now);
  const stamp = `${when.toUTCString().slice(8, 11)} ${String(when.getUTCDate()).padStart(2)} ${when.toISOString().slice(11, 16)}`;
  const rows = entries.map((entry) => ({ mode: entry.directory ? 'drwxr-xr-x' : '-rw-r--r--', links: String(entry.directory ? 2 : 1), size: String(sizeOf(fs, entry)), name: entry.name }));
  if (!context.gnu) return rows.map((row) => `${row.mode.padEnd(10)} ${row.links.padStart(4)} ${'root'.padEnd(8)} ${'root'.padEnd(8)} ${row.size.padStart(9)} ${stamp} ${row.name}`);
  const links = Math.max(...rows.map((row) => row.links.length));
  const size = Math.max(...rows.map((row) => row.size.length));
  return rows.map((row) => `${row.mode} ${row.links.padStart(links)} root root ${row.size.padStart(size)} ${stamp} ${row.name}`);
}

/** `ls` over the container's files. */
export function ls(fs: ShellFiles, args: readonly string[], context: LsContext): ProgramResult {
  const flags = args.filter((arg) => FLAGS.test(arg)).join('');
  const paths = args.filter((arg) => !FLAGS.test(arg));
  const last = (options: string): number => Math.max(...[...options].map((option) => flags.lastIndexOf(option)));
  const isLong = flags.includes('l') && last('l') > last('1C');
  // Without a terminal both print one name per line; -C asks for columns, -1 for lines.
  const inColumns = !isLong && (flags.includes('C') ? last('C') > last('1') : context.tty && !flags.includes('1'));
  const hidden = flags.includes('a') ? 'all' : flags.includes('A') ? 'almost' : 'none';
  const stdout: string[] = [];
  const stderr: string[] = [];
  const show = (entries: Entry[]): void => {
    if (isLong) stdout.push(...long(fs, entries, context));
    else if (inColumns) stdout.push(...columns(entries.map((entry) => entry.name), context.gnu));
    else stdout.push(...entries.map((entry) => entry.name));
  };
  const targets = (paths.length === 0 ? ['.'] : paths).map((path) => ({ path, absolute: normalizePath(path, fs.cwd) }));
  for (const { path } of targets.filter((t) => !fs.files.has(t.absolute) && !fs.directories.has(t.absolute))) {
    stderr.push(context.gnu ? `ls: cannot access '${path}': No such file or directory` : `ls: ${path}: No such file or directory`);
  }
  // Files named on the command line first, then each folder's content (under its name when there are several).
  const files = targets.filter((t) => fs.files.has(t.absolute)).map((t) => ({ name: t.path, directory: false, path: t.absolute }));
  if (files.length > 0) show(files);
  const folders = targets.filter((t) => !fs.files.has(t.absolute) && fs.directories.has(t.absolute));
  folders.forEach(({ path, absolute }, index) => {
    if (targets.length > 1) stdout.push(`${index > 0 || files.length > 0 ? '\n' : ''}${path}:`);
    const dots: Entry[] = hidden === 'all' ? [{ name: '.', directory: true, path: absolute }, { name: '..', directory: true, path: normalizePath('..', absolute) }] : [];
    const entries = [...dots, ...fs.entries(absolute).filter((e) => hidden !== 'none' || !e.name.startsWith('.')).map((e) => ({ ...e, path: normalizePath(e.name, absolute) }))];
    if (isLong) stdout.push(`total ${entries.reduce((sum, entry) => sum + blocksOf(sizeOf(fs, entry)), 0)}`);
    show(entries);
  });
  return { code: stderr.length > 0 ? (context.gnu ? 2 : 1) : 0, stdout, stderr };
}
