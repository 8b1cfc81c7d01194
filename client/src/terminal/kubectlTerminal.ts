/**
 * The Atelier's terminals in VS Code: a Pseudoterminal that feeds the keystrokes to the
 * line editor and the lines to a session (the kubectl terminal, or a shell in a
 * container), and writes back what they print. Commands run one at a time: keys typed
 * meanwhile wait their turn, as in a real terminal, except Ctrl+C, which a session that
 * can (`kubectl edit` waiting for its tab) takes at once.
 */
import * as vscode from 'vscode';
import type { AtelierContext } from '../context';
import type { PortForwards } from '../portForward';
import { forwardingLine } from '../portForward';
import { readBuildFiles } from './dockerFiles';
import { readArguments, type ReadOnlyFs } from './files';
import { KubectlSession, type EditHost } from './kubectlSession';
import { LineEditor } from './lineEditor';
import type { SessionOutput, TerminalSession } from './session';

/** A session that may print while a command runs, and stop it on Ctrl+C (the kubectl session). */
export interface LiveSession extends TerminalSession {
  run(line: string, print?: (text: string) => void): SessionOutput | Promise<SessionOutput>;
  /** Ctrl+C while a command runs; false when there is nothing to stop (the key then waits its turn). */
  interrupt?(): boolean;
}

/** `\n` to `\r\n`: a terminal needs both. */
const crlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');

export class SessionTerminal implements vscode.Pseudoterminal {
  private readonly written = new vscode.EventEmitter<string>();
  private readonly closed = new vscode.EventEmitter<number | void>();
  readonly onDidWrite = this.written.event;
  readonly onDidClose = this.closed.event;
  private readonly editor: LineEditor;
  private pending = '';
  private busy = false;
  private done = false;
  private work: Promise<void> = Promise.resolve();

  constructor(
    private readonly session: LiveSession,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {
    this.editor = new LineEditor({ prompt: () => session.prompt(), write: (data) => this.write(data), complete: (before) => session.complete?.(before) });
  }

  open(): void {
    if (this.session.banner !== '') this.write(crlf(this.session.banner));
    this.editor.showPrompt();
  }

  close(): void {
    this.done = true;
    this.written.dispose();
    this.closed.dispose();
  }

  handleInput(data: string): void {
    if (this.busy && data.includes('\x03') && this.session.interrupt?.()) data = data.split('\x03').join('');
    this.pending += data;
    if (!this.busy) this.work = this.pump();
  }

  /** Resolves once the input received so far has been handled (for tests). */
  whenIdle(): Promise<void> {
    return this.work;
  }

  private write(data: string): void {
    if (!this.done) this.written.fire(data);
  }

  private async pump(): Promise<void> {
    this.busy = true;
    try {
      while (this.pending !== '' && !this.done) {
        const { event, rest } = this.editor.handle(this.pending);
        this.pending = rest;
        if (!event) break;
        let output: SessionOutput;
        try {
          output = event.type === 'eof' ? this.session.endOfInput() : await this.session.run(event.line, (text) => this.write(crlf(text)));
        } catch (error) {
          this.onError(error);
          output = { text: `\x1b[31m${error instanceof Error ? error.message : String(error)}\x1b[0m\n` };
        }
        if (output.clear) this.write('\x1b[2J\x1b[3J\x1b[H');
        this.write(crlf(output.text));
        if (output.close) {
          this.closed.fire(0);
          this.done = true;
          return;
        }
        this.editor.showPrompt();
      }
    } finally {
      this.busy = false;
    }
  }
}

/** The workspace as the terminal's current folder: relative paths from its first folder. */
export function workspaceFs(): ReadOnlyFs {
  const uriOf = (path: string): vscode.Uri | undefined => {
    if (path.startsWith('/')) return vscode.Uri.file(path);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    return folder && vscode.Uri.joinPath(folder, path);
  };
  return {
    async readFile(path) {
      const uri = uriOf(path);
      try {
        return uri && (await vscode.workspace.fs.stat(uri)).type === vscode.FileType.File ? new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) : undefined;
      } catch {
        return undefined;
      }
    },
    async readDirectory(path) {
      const uri = uriOf(path);
      try {
        return uri && (await vscode.workspace.fs.readDirectory(uri)).map(([name, type]) => ({ name, directory: type === vscode.FileType.Directory }));
      } catch {
        return undefined;
      }
    },
  };
}

/** Is this tab showing `uri` as text? */
const showing = (tab: vscode.Tab, uri: vscode.Uri): boolean => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString();

/** Resolves true once no tab shows `uri` any more, false when `abandon` fires first (its tabs are closed then). */
function whenTabsClosed(uri: vscode.Uri, abandon: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const tabs = (): vscode.Tab[] => vscode.window.tabGroups.all.flatMap((group) => group.tabs.filter((tab) => showing(tab, uri)));
    const finish = (closed: boolean): void => {
      listener.dispose();
      abandon.removeEventListener('abort', onAbort);
      resolve(closed);
    };
    const listener = vscode.window.tabGroups.onDidChangeTabs((event) => {
      if (event.closed.some((tab) => showing(tab, uri)) && tabs().length === 0) finish(true);
    });
    const onAbort = (): void => {
      void vscode.window.tabGroups.close(tabs(), true).then(undefined, () => undefined);
      finish(false);
    };
    abandon.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * `kubectl edit`'s editor, as `git commit` uses `code --wait`: the file goes in the
 * extension's storage folder (not the learner's workspace), opens in a tab that a
 * preview cannot replace, and the edit goes on once that tab is closed.
 */
export function vscodeEditHost(folder: vscode.Uri): EditHost {
  let count = 0;
  return {
    async create(extension) {
      await vscode.workspace.fs.createDirectory(folder);
      // kubectl's temporary files are kubectl-edit-<random digits>.yaml.
      return vscode.Uri.joinPath(folder, `kubectl-edit-${Date.now() % 1e9}${count++}${extension}`).fsPath;
    },
    async open(path, text, abandon) {
      const uri = vscode.Uri.file(path);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      const closed = whenTabsClosed(uri, abandon);
      await vscode.window.showTextDocument(uri, { preview: false });
      if (!(await closed)) return undefined;
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    },
    async remove(path) {
      await Promise.resolve(vscode.workspace.fs.delete(vscode.Uri.file(path))).catch(() => undefined);
    },
  };
}

/** The kubectl terminal's session, wired to the cluster, the workspace, `kubectl edit`'s tabs and the port-forwards (docker's published ports too). */
export function kubectlSession(ctx: AtelierContext, forwards?: PortForwards): KubectlSession {
  const fs = workspaceFs();
  return new KubectlSession({
    cluster: () => ctx.cluster.cluster,
    l10n: vscode.l10n,
    editor: vscodeEditHost(ctx.extension.storageUri ?? ctx.extension.globalStorageUri),
    readFiles: (args) => readArguments(fs, args),
    dockerFiles: (args) => readBuildFiles(fs, args),
    ...(forwards
      ? {
          forward: async (request) => {
            const started = [];
            for (const { local, remote } of request.ports) started.push(await forwards.start({ namespace: request.namespace, info: request.info, name: request.name, remote, local }));
            return started.map(forwardingLine).join('');
          },
          publishDocker: () => forwards.syncDocker(),
        }
      : {}),
  });
}

/** The terminal's name in the panel. */
export const terminalName = (): string => vscode.l10n.t('Atelier : terminal kubectl');

/** Opens a terminal on `session`; its errors go to the output channel. */
export function openSessionTerminal(ctx: AtelierContext, name: string, session: LiveSession): vscode.Terminal {
  const pty = new SessionTerminal(session, (error) => ctx.output.error(`terminal: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
  const terminal = vscode.window.createTerminal({ name, pty, iconPath: new vscode.ThemeIcon('terminal') });
  terminal.show();
  return terminal;
}
