import * as assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-languageserver-protocol/node';
import {
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  TextDocumentSyncKind,
  type InitializeResult,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { distFile, ROOT } from '../support/dist';

const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** A real client: dist/server.js spawned as an editor would, spoken to in JSON-RPC. */
class Session {
  readonly process: ChildProcessWithoutNullStreams;
  readonly connection: MessageConnection;
  private readonly published: PublishDiagnosticsParams[] = [];
  private readonly waiters: Array<() => void> = [];

  constructor() {
    this.process = spawn(process.execPath, [distFile('server.js'), '--stdio'], { stdio: 'pipe' });
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      this.waiters.splice(0).forEach((wake) => wake());
    });
    this.connection.listen();
  }

  initialize(): Promise<InitializeResult> {
    return this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
      workspaceFolders: null,
    });
  }

  /** Resolves with the first diagnostics published for `uri` that satisfy `accept`. */
  async diagnosticsFor(uri: string, accept: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
    for (;;) {
      const found = this.published.find((p) => p.uri === uri && accept(p));
      if (found) return found;
      await new Promise<void>((wake) => this.waiters.push(wake));
    }
  }

  /** Shuts the server down as the protocol says and resolves with its exit code. */
  async close(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.once('exit', (code) => resolve(code)));
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}

describe('server: dist/server.js over stdio', () => {
  let session: Session;

  beforeEach(() => {
    session = new Session();
  });

  afterEach(() => {
    session.connection.dispose();
    session.process.kill();
  });

  it('answers initialize with its name, version and capabilities', async () => {
    const result = await session.initialize();
    assert.deepEqual(result.serverInfo, { name: 'atelier-kubernetes', version });
    assert.deepEqual(result.capabilities.textDocumentSync, { openClose: true, change: TextDocumentSyncKind.Incremental });
    // Only what is really served is announced: the features come with their own issue.
    assert.equal(result.capabilities.hoverProvider, undefined);
    assert.equal(result.capabilities.completionProvider, undefined);
  });

  it('publishes diagnostics for each version of an open YAML document, and clears them on close', async () => {
    await session.initialize();
    await session.connection.sendNotification(InitializedNotification.type, {});
    const uri = 'file:///atelier/deployment.yaml';
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n';
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'yaml', version: 1, text },
    });
    const first = await session.diagnosticsFor(uri, (p) => p.version === 1);
    assert.deepEqual(first.diagnostics, []);

    await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 3, character: 8 }, end: { line: 3, character: 11 } }, text: 'api' }],
    });
    const second = await session.diagnosticsFor(uri, (p) => p.version === 2);
    assert.deepEqual(second.diagnostics, []);

    await session.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    const cleared = await session.diagnosticsFor(uri, (p) => p.version === undefined);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('exits with code 0 after shutdown and exit', async () => {
    await session.initialize();
    assert.equal(await session.close(), 0);
  });
});

describe('server: dist/server.js on the command line', () => {
  it('prints its version with --version', () => {
    const run = spawnSync(process.execPath, [distFile('server.js'), '--version'], { encoding: 'utf8' });
    assert.equal(run.status, 0);
    assert.equal(run.stdout, `${version}\n`);
  });

  it('explains itself in French and exits with 2 when started without a transport', () => {
    const run = spawnSync(process.execPath, [distFile('server.js')], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /Usage : node dist\/server\.js --stdio/);
    assert.match(run.stderr, /lancé par un éditeur/);
  });
});
