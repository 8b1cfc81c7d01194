import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ClusterApi } from '../../../client/src/cluster/apiServer';
import { createCluster } from '../../../simulator/src/cluster';
import { kindInfo } from '../../../simulator/src/api/catalog';

interface Kubeconfig {
  clusters: { name: string; cluster: { server: string; 'certificate-authority-data': string } }[];
  users: { name: string; user: { token: string } }[];
  contexts: { name: string }[];
}

/** One request as kubectl would make it from the kubeconfig: its server, CA and token. */
function call(config: Kubeconfig, method: string, url: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const cluster = config.clusters.find((c) => c.name === 'atelier')!.cluster;
  const token = config.users.find((u) => u.name === 'atelier')!.user.token;
  return new Promise((resolve, reject) => {
    const req = request(
      `${cluster.server}${url}`,
      { method, ca: Buffer.from(cluster['certificate-authority-data'], 'base64'), headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as Record<string, unknown> }));
      },
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

describe('client/cluster/apiServer: the editor cluster behind the Kubernetes API', () => {
  it('writes a kubeconfig whose server, CA and token reach the very cluster the editor holds, and keeps other contexts', async () => {
    const cluster = createCluster();
    const api = new ClusterApi(() => cluster);
    const folder = mkdtempSync(path.join(tmpdir(), 'atelier-api-'));
    const file = path.join(folder, 'sous-dossier', 'kubeconfig');
    try {
      const first = await api.start(file);
      assert.equal(statSync(file).mode & 0o777, 0o600, 'the kubeconfig holds a token: readable by its owner only');
      const config = parse(readFileSync(file, 'utf8')) as Kubeconfig;
      assert.equal(config.clusters.find((c) => c.name === 'atelier')?.cluster.server, first.url);

      const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'depuis-kubectl' }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } };
      const created = await call(config, 'POST', '/api/v1/namespaces/default/pods', pod);
      assert.equal(created.status, 201);
      assert.ok(cluster.store.get(kindInfo('v1', 'Pod')!, 'default', 'depuis-kubectl'), 'the Pod is in the editor cluster');
      const nodes = await call(config, 'GET', '/api/v1/nodes');
      assert.deepEqual((nodes.json.items as { metadata: { name: string } }[]).map((n) => n.metadata.name), ['control-plane', 'worker-1', 'worker-2']);

      // Started again: the same server, not a second one.
      assert.equal((await api.start(file)).url, first.url);
    } finally {
      await api.stop();
    }
    assert.equal(api.serving, undefined);

    writeFileSync(file, 'apiVersion: v1\nkind: Config\nclusters:\n- name: kind-atelier\n  cluster:\n    server: https://127.0.0.1:6443\ncontexts:\n- name: kind-atelier\n  context:\n    cluster: kind-atelier\n    user: kind-atelier\nusers:\n- name: kind-atelier\n  user: {}\ncurrent-context: kind-atelier\n');
    try {
      await api.start(file);
      const config = parse(readFileSync(file, 'utf8')) as Kubeconfig;
      assert.deepEqual(config.contexts.map((c) => c.name).sort(), ['atelier', 'kind-atelier']);
    } finally {
      await api.stop();
    }
  });
});
