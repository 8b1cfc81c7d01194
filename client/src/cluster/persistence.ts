/**
 * The cluster's state file in the workspace storage. Written atomically (a temporary file,
 * then a rename over the old one: a crash leaves the old state or the new, never half of
 * one). A state file that does not load is renamed aside (`cluster.json.corrupt-1`, -2…)
 * and reported: never silently dropped, never overwritten.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** The file operations the state file needs (synchronous: small files, and a save must finish on shutdown). */
export interface StateFs {
  /** The file's text, or undefined when there is none. */
  readFile(file: string): string | undefined;
  writeFile(file: string, text: string): void;
  /** Replaces `to` if it exists. */
  rename(from: string, to: string): void;
  exists(file: string): boolean;
  /** Creates the folder and its parents. */
  mkdir(folder: string): void;
}

/** Node's file system. */
export const NODE_STATE_FS: StateFs = {
  readFile(file) {
    try {
      return readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  },
  writeFile: (file, text) => writeFileSync(file, text, 'utf8'),
  rename: (from, to) => renameSync(from, to),
  exists: (file) => existsSync(file),
  mkdir: (folder) => mkdirSync(folder, { recursive: true }),
};

export type LoadOutcome<T> =
  | { status: 'absent' }
  | { status: 'loaded'; value: T }
  /** The file did not load: it now lives at `movedTo` (undefined if even the rename failed). */
  | { status: 'corrupt'; reason: string; file: string; movedTo?: string };

export const STATE_FILE_NAME = 'cluster.json';

export class StateFile {
  readonly file: string;

  constructor(
    readonly folder: string,
    private readonly fs: StateFs = NODE_STATE_FS,
    name = STATE_FILE_NAME,
  ) {
    this.file = path.join(folder, name);
  }

  /**
   * Reads the state and hands it to `restore` (which throws when the content is not a
   * cluster). Whatever fails to parse or restore is moved aside and reported.
   */
  load<T>(restore: (data: unknown) => T): LoadOutcome<T> {
    const text = this.fs.readFile(this.file);
    if (text === undefined) return { status: 'absent' };
    try {
      return { status: 'loaded', value: restore(JSON.parse(text) as unknown) };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { status: 'corrupt', reason, file: this.file, ...this.moveAside() };
    }
  }

  /** Writes the state: temporary file first, then a rename over the old one. */
  save(data: unknown): void {
    this.fs.mkdir(this.folder);
    const temporary = `${this.file}.tmp`;
    this.fs.writeFile(temporary, JSON.stringify(data));
    this.fs.rename(temporary, this.file);
  }

  /** `cluster.json.corrupt-<n>` with the first free n. */
  private moveAside(): { movedTo?: string } {
    let n = 1;
    while (this.fs.exists(`${this.file}.corrupt-${n}`)) n++;
    const movedTo = `${this.file}.corrupt-${n}`;
    try {
      this.fs.rename(this.file, movedTo);
      return { movedTo };
    } catch {
      return {};
    }
  }
}
