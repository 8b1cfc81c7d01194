import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  TextDocumentSyncKind,
} from 'vscode-languageserver-protocol';
import { distFile, PACKAGE_VERSION as version } from '../support/dist';
import { LspSession } from '../support/lspSession';

describe('server: dist/server.js over stdio', () => {
  let session: LspSession;

  beforeEach(() => {
    session = new LspSession();
  });

  afterEach(() => session.dispose());

  it('answers initialize with its name, version and capabilities', async () => {
    const result = await session.initialize();
    assert.deepEqual(result.serverInfo, { name: 'atelier-kubernetes', version });
    assert.deepEqual(result.capabilities.textDocumentSync, { openClose: true, change: TextDocumentSyncKind.Incremental });
    // Only what is really served is announced: the features come with their own issue.
    assert.equal(result.capabilities.hoverProvider, true);
    assert.deepEqual(result.capabilities.completionProvider, { triggerCharacters: [' ', ':'] });
  });

  const deployment = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    '  replicas: 2',
    '  selector:',
    '    matchLabels:',
    '      app: web',
    '  template:',
    '    metadata:',
    '      labels:',
    '        app: web',
    '    spec:',
    '      containers:',
    '        - name: web',
    '          image: nginx:1.27',
    '          resources:',
    '            requests: { cpu: 100m, memory: 64Mi }',
    '            limits: { cpu: 500m, memory: 128Mi }',
    '          readinessProbe: { tcpSocket: { port: 80 } }',
    '          livenessProbe: { tcpSocket: { port: 80 } }',
    '          ports:',
    '            - containerPort: 80',
    '',
  ].join('\n');

  it('publishes diagnostics for each version of an open YAML document, and clears them on close', async () => {
    await session.handshake();
    const uri = 'file:///atelier/deployment.yaml';
    await session.open(uri, deployment);
    const first = await session.diagnosticsFor(uri, (p) => p.version === 1);
    assert.deepEqual(first.diagnostics, []);

    // replicas -> replica: the API server's strict field validation would refuse it.
    await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 5, character: 9 }, end: { line: 5, character: 10 } }, text: '' }],
    });
    const second = await session.diagnosticsFor(uri, (p) => p.version === 2);
    assert.equal(second.diagnostics.length, 1);
    const [diagnostic] = second.diagnostics;
    assert.equal(diagnostic?.code, 'unknown-field');
    assert.deepEqual(diagnostic?.range.start, { line: 5, character: 2 });
    assert.match(diagnostic?.message ?? '', /Voulais-tu dire « replicas » \?/);
    assert.match(diagnostic?.message ?? '', /kube-apiserver : unknown field "spec\.replica"/);

    await session.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    const cleared = await session.diagnosticsFor(uri, (p) => p.version === undefined);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('answers a hover on a key with the French documentation', async () => {
    await session.handshake();
    const uri = 'file:///atelier/hover.yaml';
    await session.open(uri, deployment);
    await session.diagnosticsFor(uri, (p) => p.version === 1);
    const hover = await session.connection.sendRequest<{ contents: { kind: string; value: string } } | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 5, character: 4 },
    });
    assert.equal(hover?.contents.kind, 'markdown');
    assert.match(hover?.contents.value ?? '', /Pods identiques/);
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
