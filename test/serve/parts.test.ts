/**
 * The facade's parts on their own: the watch log's window, the kubeconfig writer, the
 * ticker, the certificate, protobuf bodies, and `atelier serve` (arguments, state file,
 * kubeconfig), without a real kubectl.
 */
import { strict as assert } from 'node:assert';
import { X509Certificate } from 'node:crypto';
import { createSecureContext } from 'node:tls';
import { parse as parseYaml } from 'yaml';
import { kindInfo } from '../../simulator/src/api/catalog';
import { integer, selfSignedIdentity } from '../../simulator/serve/certificate';
import { parseServeArgs, serve, DEFAULT_KUBECONFIG } from '../../simulator/serve/command';
import { kubeconfigText } from '../../simulator/serve/kubeconfig';
import { decodeProtobuf } from '../../simulator/serve/protobuf';
import { Ticker } from '../../simulator/serve/ticker';
import { prepareWatch } from '../../simulator/serve/watch';
import { WatchLog } from '../../simulator/serve/watchlog';
import type { CliFileSystem } from '../../simulator/cli/state';
import { call } from './support/http';
import { newCluster } from './support/harness';

describe('serve: parts', () => {
  it('answers 410 Expired in the stream for a resourceVersion the log has forgotten', () => {
    const cluster = newCluster();
    const log = new WatchLog(cluster.store, 2);
    const start = log.current();
    for (const name of ['a', 'b', 'c']) cluster.store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } });
    const lines: string[] = [];
    let ended = false;
    const request = { info: kindInfo('v1', 'ConfigMap')!, namespace: 'default', labelSelector: '', fieldSelector: '', resourceVersion: `${start.revision}`, sendInitialEvents: false };
    prepareWatch({ store: cluster.store, log, now: () => 0 }, request)({ write: (line) => lines.push(line), end: () => (ended = true) });
    assert.ok(ended);
    const error = JSON.parse(lines[0]!) as { type: string; object: { code: number; reason: string } };
    assert.deepEqual([error.type, error.object.code, error.object.reason], ['ERROR', 410, 'Expired']);
    log.dispose();
  });

  it('writes a kubeconfig, or its atelier entries into an existing one', () => {
    const existing = 'apiVersion: v1\nkind: Config\nclusters:\n- name: kind-kind\n  cluster: {server: "https://127.0.0.1:6443"}\n- name: atelier\n  cluster: {server: "https://old"}\ncurrent-context: kind-kind\n';
    const config = parseYaml(kubeconfigText({ server: 'https://127.0.0.1:1234', token: 't0k3n', ca: 'PEM' }, existing)) as Record<string, { name: string; cluster?: Record<string, string>; user?: Record<string, string> }[]>;
    assert.deepEqual(config.clusters!.map((entry) => entry.name), ['kind-kind', 'atelier']);
    assert.deepEqual(config.clusters![1]!.cluster, { server: 'https://127.0.0.1:1234', 'certificate-authority-data': Buffer.from('PEM').toString('base64') });
    assert.deepEqual(config.users, [{ name: 'atelier', user: { token: 't0k3n' } }]);
    assert.equal(config['current-context'], 'atelier');
    assert.throws(() => kubeconfigText({ server: 's', token: 't' }, '- just\n- a list\n'), /not a kubeconfig/);
  });

  it('ticks simulated time by the real time elapsed times the speed, a long gap counting 5 s', () => {
    let now = 0;
    let tick: () => void = () => undefined;
    const ticks: number[] = [];
    const ticker = new Ticker((ms) => ticks.push(ms), { now: () => now, setInterval: (callback) => ((tick = callback), 1), clearInterval: () => undefined });
    ticker.speed = 10;
    ticker.resume();
    now = 1000;
    tick();
    now = 61_000;
    tick();
    ticker.pause();
    assert.deepEqual(ticks, [10_000, 50_000]);
    assert.ok(ticker.paused);
  });

  it('makes a certificate for 127.0.0.1 that signs itself', () => {
    const identity = selfSignedIdentity(new Date(Date.UTC(2030, 0, 1)));
    const certificate = new X509Certificate(identity.cert);
    assert.equal(certificate.subjectAltName, 'IP Address:127.0.0.1, DNS:localhost');
    assert.ok(certificate.verify(certificate.publicKey));
    assert.ok(certificate.checkIP('127.0.0.1'));
  });

  it('encodes a serial number that starts with zero bytes in its minimal form, which TLS accepts', () => {
    // One random serial in 256 starts with 0x00 then a byte below 0x80: OpenSSL 3 refused those.
    for (const serial of [Buffer.from('00017f', 'hex'), Buffer.from('0000ff', 'hex'), Buffer.from('00', 'hex'), Buffer.from('80', 'hex')]) {
      const identity = selfSignedIdentity(new Date(Date.UTC(2030, 0, 1)), 'atelier', serial);
      assert.doesNotThrow(() => createSecureContext({ cert: identity.cert, key: identity.key }), serial.toString('hex'));
    }
    assert.deepEqual(integer(Buffer.from('00017f', 'hex')), Buffer.from('0202017f', 'hex'));
    assert.deepEqual(integer(Buffer.from('0000ff', 'hex')), Buffer.from('020200ff', 'hex'));
    assert.deepEqual(integer(Buffer.from('00', 'hex')), Buffer.from('020100', 'hex'));
  });

  it('decodes a SelfSubjectAccessReview sent in protobuf, and refuses the kinds it cannot read', () => {
    const varint = (value: number): number[] => (value < 0x80 ? [value] : [(value & 0x7f) | 0x80, ...varint(value >> 7)]);
    const field = (number: number, content: Buffer | string): Buffer => {
      const bytes = Buffer.from(content);
      return Buffer.concat([Buffer.from([(number << 3) | 2, ...varint(bytes.length)]), bytes]);
    };
    const attributes = Buffer.concat([field(1, 'default'), field(2, 'list'), field(5, 'pods')]);
    const review = field(2, field(1, attributes));
    const envelope = (kind: string, raw: Buffer): Buffer =>
      Buffer.concat([Buffer.from('k8s\0', 'latin1'), field(1, Buffer.concat([field(1, 'authorization.k8s.io/v1'), field(2, kind)])), field(2, raw)]);
    assert.deepEqual(decodeProtobuf(envelope('SelfSubjectAccessReview', review)), {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: { resourceAttributes: { namespace: 'default', verb: 'list', resource: 'pods' } },
    });
    assert.throws(() => decodeProtobuf(envelope('Ingress', Buffer.alloc(0))), (error: Error & { code?: number }) => error.code === 415 && /does not read Ingress in protobuf/.test(error.message));
  });

  it('parses the arguments of atelier serve', () => {
    assert.deepEqual(parseServeArgs([]), { state: '.atelier/cluster.json', kubeconfig: DEFAULT_KUBECONFIG, port: 0 });
    assert.deepEqual(parseServeArgs(['--port=8443', '--kubeconfig', 'k', '--state', 's.json']), { state: 's.json', kubeconfig: 'k', port: 8443 });
    assert.match((parseServeArgs(['--port', 'http']) as { error: string }).error, /--port attend un numéro de port/);
    assert.match((parseServeArgs(['--verbose']) as { error: string }).error, /option inconnue « --verbose »/);
  });

  it('serves the state file, writes the kubeconfig, and saves on stop', async () => {
    const disk = new Map<string, string>();
    const files: CliFileSystem = { readFile: (path) => disk.get(path), readDir: () => undefined, writeFileAtomic: (path, text) => void disk.set(path, text) };
    const kubeconfigs = new Map<string, string>();
    const now = Date.UTC(2031, 5, 1, 12, 0, 0, 500);
    const running = await serve({ state: 'state.json', kubeconfig: 'kc', port: 0 }, { files, now: () => now, readKubeconfig: (path) => kubeconfigs.get(path), writeKubeconfig: (path, text) => void kubeconfigs.set(path, text) });
    try {
      running.facade.ticker?.pause();
      const namespace = running.cluster.store.get(kindInfo('v1', 'Namespace')!, '', 'default');
      assert.equal((namespace.metadata as { creationTimestamp: string }).creationTimestamp, '2031-06-01T12:00:00Z', 'a new cluster starts at the wall-clock time');
      assert.match(kubeconfigs.get('kc')!, new RegExp(`server: ${running.facade.url}`));
      const created = await call(running.facade, 'POST', '/api/v1/namespaces/default/configmaps', { body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'saved' } } });
      assert.equal(created.status, 201);
    } finally {
      await running.stop();
    }
    assert.match(disk.get('state.json')!, /"saved"/);
    assert.ok(running.cluster.store.find(kindInfo('v1', 'ConfigMap')!, 'default', 'saved'));
  });
});
