/**
 * A hand-written stand-in for the `vscode` module, for the few tests of the thin adapters
 * (commands, views). Importing this file installs it: afterwards `require('vscode')`
 * returns `vscode` below. Only what the adapters use is here; everything else is absent
 * on purpose, so that a test fails loudly if an adapter starts needing more.
 */
import Module from 'node:module';
import * as path from 'node:path';
import { format } from './l10n';

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}

  static file(file: string): Uri {
    return new Uri('file', path.posix.normalize(file));
  }

  static parse(text: string): Uri {
    const [scheme = 'file', rest = ''] = text.split(':', 2);
    return new Uri(scheme, rest);
  }

  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, path.posix.join(base.path, ...parts));
  }

  get fsPath(): string {
    return this.path;
  }

  toString(): string {
    return `${this.scheme}:${this.path}`;
  }
}

export class EventEmitter<T> {
  private readonly listeners = new Set<(value: T) => void>();
  readonly event = (listener: (value: T) => void): Disposable => {
    this.listeners.add(listener);
    return new Disposable(() => this.listeners.delete(listener));
  };

  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }

  dispose(): void {
    this.listeners.clear();
  }
}

export class Disposable {
  constructor(private readonly callback: () => void) {}

  dispose(): void {
    this.callback();
  }
}

export const TreeItemCollapsibleState = { None: 0, Collapsed: 1, Expanded: 2 } as const;
export const FileType = { File: 1, Directory: 2 } as const;
export const StatusBarAlignment = { Left: 1, Right: 2 } as const;

export class TreeItem {
  id?: string;
  description?: string;
  tooltip?: string;
  contextValue?: string;
  iconPath?: ThemeIcon;
  constructor(
    readonly label: string,
    readonly collapsibleState: number = TreeItemCollapsibleState.None,
  ) {}
}

export class ThemeColor {
  constructor(readonly id: string) {}
}

export class ThemeIcon {
  constructor(
    readonly id: string,
    readonly color?: ThemeColor,
  ) {}
}

/** A document shown to the adapters: its text, and what a selection covers. */
export interface FakeDocument {
  uri: Uri;
  getText(range?: { start: { line: number }; end: { line: number } }): string;
}

export interface Shown {
  severity: 'info' | 'warning' | 'error';
  message: string;
  items: unknown[];
}

/** Files of the fake workspace, by path. */
const files = new Map<string, string>();

function stat(uri: Uri): { type: number } {
  if (files.has(uri.path)) return { type: FileType.File };
  const prefix = `${uri.path.replace(/\/$/, '')}/`;
  if ([...files.keys()].some((file) => file.startsWith(prefix))) return { type: FileType.Directory };
  throw new Error(`ENOENT: ${uri.path}`);
}

const window = {
  /** Every notification shown, in order. */
  shown: [] as Shown[],
  /** What the next modal or notification returns (first in, first out); undefined when empty. */
  answers: [] as (string | undefined)[],
  activeTextEditor: undefined as undefined | { document: FakeDocument; selections: { isEmpty: boolean; start: { line: number }; end: { line: number } }[] },
  opened: [] as unknown[],
  showInformationMessage: (message: string, ...items: unknown[]) => show('info', message, items),
  showWarningMessage: (message: string, ...items: unknown[]) => show('warning', message, items),
  showErrorMessage: (message: string, ...items: unknown[]) => show('error', message, items),
  showTextDocument: (document: unknown) => {
    window.opened.push(document);
    return Promise.resolve(undefined);
  },
  showOpenDialog: () => Promise.resolve(undefined),
  showSaveDialog: () => Promise.resolve(undefined),
};

function show(severity: Shown['severity'], message: string, items: unknown[]): Promise<string | undefined> {
  window.shown.push({ severity, message, items });
  return Promise.resolve(window.answers.shift());
}

const workspace = {
  textDocuments: [] as FakeDocument[],
  workspaceFolders: [{ uri: Uri.file('/ws') }],
  asRelativePath: (uri: Uri) => (uri.path.startsWith('/ws/') ? uri.path.slice(4) : uri.path),
  openTextDocument: (options: { language: string; content: string }) => Promise.resolve({ languageId: options.language, getText: () => options.content }),
  fs: {
    readFile: (uri: Uri) => {
      const text = files.get(uri.path);
      return text === undefined ? Promise.reject(new Error(`ENOENT: ${uri.path}`)) : Promise.resolve(new TextEncoder().encode(text));
    },
    writeFile: (uri: Uri, content: Uint8Array) => {
      files.set(uri.path, new TextDecoder().decode(content));
      return Promise.resolve();
    },
    stat: (uri: Uri) => Promise.resolve().then(() => stat(uri)),
    readDirectory: (uri: Uri) => {
      const prefix = `${uri.path.replace(/\/$/, '')}/`;
      const entries = new Map<string, number>();
      for (const file of files.keys()) {
        if (!file.startsWith(prefix)) continue;
        const [first = '', ...rest] = file.slice(prefix.length).split('/');
        entries.set(first, rest.length > 0 ? FileType.Directory : FileType.File);
      }
      return Promise.resolve([...entries]);
    },
  },
};

/** The fake `vscode` module. */
export const vscode = {
  Uri,
  EventEmitter,
  Disposable,
  TreeItem,
  TreeItemCollapsibleState,
  ThemeColor,
  ThemeIcon,
  FileType,
  StatusBarAlignment,
  l10n: { t: format },
  window,
  workspace,
  commands: {
    /** Every command registered, by id. */
    registered: new Map<string, (...args: unknown[]) => unknown>(),
    registerCommand(id: string, handler: (...args: unknown[]) => unknown): Disposable {
      vscode.commands.registered.set(id, handler);
      return new Disposable(() => vscode.commands.registered.delete(id));
    },
    executeCommand: () => Promise.resolve(undefined),
  },
  /** Test helpers (not part of VS Code's API). */
  files,
  reset(): void {
    files.clear();
    window.shown.length = 0;
    window.answers.length = 0;
    window.opened.length = 0;
    window.activeTextEditor = undefined;
    workspace.textDocuments.length = 0;
    vscode.commands.registered.clear();
  },
};

/** A document of the fake workspace, for textDocuments and activeTextEditor. */
export function fakeDocument(uri: Uri, text: string): FakeDocument {
  const lines = text.split('\n');
  return {
    uri,
    getText: (range) => (range ? lines.slice(range.start.line, range.end.line + 1).join('\n') : text),
  };
}

const loader = Module as unknown as { _load(request: string, ...rest: unknown[]): unknown };
const load = loader._load.bind(loader);
loader._load = (request: string, ...rest: unknown[]) => (request === 'vscode' ? vscode : load(request, ...rest));
