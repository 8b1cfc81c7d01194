import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-languageserver-protocol/node';
import {
  CompletionRequest,
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  UnregistrationRequest,
  WorkDoneProgressCreateRequest,
  type ClientCapabilities,
  type CompletionItem,
  type CompletionList,
  type Hover,
  type InitializeResult,
  type Position,
  type PublishDiagnosticsParams,
  type Range,
} from 'vscode-languageserver-protocol';

/** How to start a language server: `node <script> --stdio`, typically. */
export interface ServerCommand {
  command: string;
  args: string[];
}

/** What this client declares: enough for both servers to pull settings and answer fully. */
export const CLIENT_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
  },
};

/**
 * A generic LSP client over stdio for benchmarks and fuzzing: it spawns any server
 * (ours or yaml-language-server), answers the requests servers make to their client
 * (`workspace/configuration` from `settings`, registrations), and records every
 * `publishDiagnostics` with the time it arrived, so a caller can wait for "the first
 * diagnostics for this uri published after instant t" whether or not the server
 * reports document versions. Unlike test/support/lspSession.ts it is not tied to
 * dist/server.js.
 */
export class LspClient {
  readonly process: ChildProcessWithoutNullStreams;
  readonly connection: MessageConnection;
  /** Settings served to `workspace/configuration`, by section (`yaml`, `atelierKubernetes`...). */
  settings: Record<string, unknown> = {};
  private readonly published: Array<{ at: number; params: PublishDiagnosticsParams }> = [];
  private readonly waiters: Array<() => void> = [];
  private exited = false;
  stderr = '';

  constructor(server: ServerCommand) {
    this.process = spawn(server.command, server.args, { stdio: 'pipe' });
    this.process.stderr.on('data', (chunk: Buffer) => {
      // Keep the tail only: a crash's stack trace is what matters.
      this.stderr = (this.stderr + chunk.toString()).slice(-20_000);
    });
    this.process.once('exit', () => {
      this.exited = true;
      this.waiters.splice(0).forEach((wake) => wake());
    });
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push({ at: performance.now(), params });
      this.waiters.splice(0).forEach((wake) => wake());
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => (item.section !== undefined && Object.hasOwn(this.settings, item.section) ? this.settings[item.section] : null)),
    );
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    this.connection.onRequest(UnregistrationRequest.type, () => undefined);
    this.connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    // Servers' own notifications (telemetry, schema store...) are not needed here.
    this.connection.onNotification(() => undefined);
    this.connection.onError(() => undefined);
    this.connection.listen();
  }

  /** True while the server process runs. */
  get alive(): boolean {
    return !this.exited;
  }

  /** initialize + initialized. */
  async handshake(rootUri: string | null = null, initializationOptions?: unknown): Promise<InitializeResult> {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      capabilities: CLIENT_CAPABILITIES,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'bench' }] : null,
      initializationOptions,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  /** Tells the server its settings changed; servers that pull will ask `workspace/configuration`. */
  configure(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    return this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version, text } });
  }

  /** Replaces `range` (or the whole text when no range is given) in the server's copy. */
  change(uri: string, version: number, text: string, range?: Range): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [range ? { range, text } : { text }],
    });
  }

  closeDocument(uri: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  completion(uri: string, position: Position): Promise<CompletionItem[] | CompletionList | null> {
    return this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
  }

  /** The time stamp to pass to `diagnosticsAfter` (performance.now()). */
  now(): number {
    return performance.now();
  }

  /**
   * The first diagnostics published for `uri` at or after `since` (performance.now()) that
   * satisfy `accept`, with the time they arrived. Rejects if the server exits first, or after `timeoutMs`.
   */
  async diagnosticsAfter(
    uri: string,
    since: number,
    accept: (p: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 60_000,
  ): Promise<{ at: number; params: PublishDiagnosticsParams }> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const found = this.published.find((entry) => entry.at >= since && entry.params.uri === uri && accept(entry.params));
      if (found) return found;
      if (this.exited) throw new Error(`the server exited before publishing diagnostics for ${uri}\n${this.stderr}`);
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`);
      await new Promise<void>((wake) => {
        const timer = setTimeout(wake, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          wake();
        });
      });
    }
  }

  /** Forgets the diagnostics received so far (long runs would otherwise keep them all). */
  forgetDiagnostics(): void {
    this.published.length = 0;
  }

  /** shutdown + exit, then waits for the process to end (killed after `timeoutMs`). */
  async close(timeoutMs = 5_000): Promise<void> {
    if (this.exited) return this.connection.dispose();
    const exited = new Promise<void>((resolve) => this.process.once('exit', () => resolve()));
    const killer = setTimeout(() => this.process.kill(), timeoutMs);
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      this.process.kill();
    }
    await exited;
    clearTimeout(killer);
    this.connection.dispose();
  }

  /** Ends the session whatever its state. */
  dispose(): void {
    this.connection.dispose();
    if (!this.exited) this.process.kill();
  }
}
