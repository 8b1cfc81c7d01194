/**
 * A "real" cluster for the target's tests: the Atelier's REST facade (simulator/serve)
 * over a simulated cluster, on a free port, with a kubeconfig written to a temporary
 * folder, the way kind writes one. The target reaches it only over HTTPS, as it would
 * reach kind or k3s.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse, stringify } from 'yaml';
import type { Cluster } from '../../../simulator/src/cluster';
import { startFacade, type Facade } from '../../../simulator/serve/facade';
import { loadKubeconfig } from '../../../client/src/target/kubeconfig';
import { TargetService } from '../../../client/src/target/service';
import { bareService } from '../support/cluster';
import { l10n } from '../support/l10n';

export interface RemoteCluster {
  cluster: Cluster;
  facade: Facade;
  /** The kubeconfig file: contexts `atelier` (the administrator) and `jane` (impersonated, namespace default). */
  kubeconfig: string;
  /** A target service reading that kubeconfig; the simulated cluster behind it is another, empty one. */
  target(): TargetService;
  close(): Promise<void>;
}

/** Serves `cluster` and writes its kubeconfig, with a second context acting as the user jane. */
export async function serveCluster(cluster: Cluster): Promise<RemoteCluster> {
  const facade = await startFacade({ cluster, ticker: false });
  const dir = mkdtempSync(path.join(tmpdir(), 'atelier-target-'));
  const config = parse(facade.kubeconfig()) as { users: { name: string; user: Record<string, unknown> }[]; contexts: { name: string; context: Record<string, unknown> }[] };
  const admin = config.users.find((user) => user.name === 'atelier')!;
  config.users.push({ name: 'jane', user: { ...admin.user, as: 'jane' } });
  config.contexts.push({ name: 'jane', context: { cluster: 'atelier', user: 'jane', namespace: 'default' } });
  const kubeconfig = path.join(dir, 'config');
  writeFileSync(kubeconfig, stringify(config));
  const targets: TargetService[] = [];
  return {
    cluster,
    facade,
    kubeconfig,
    target() {
      const target = new TargetService({ cluster: bareService(), l10n, kubeconfig: () => loadKubeconfig([kubeconfig]), mirror: { schedule: (callback) => setImmediate(callback), retryMs: 50, maxRetryMs: 200 }, timeoutMs: 5000 });
      targets.push(target);
      return target;
    },
    async close() {
      // Every request of the targets over before the server goes (it would wait for them).
      for (const target of targets) await target.close();
      await facade.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A kubeconfig whose only context points at a port nothing listens on (yet: a facade may start there with its token). */
export async function unreachableKubeconfig(): Promise<{ file: string; server: string; port: number; token: string; cleanup: () => void }> {
  const { createServer } = await import('node:net');
  const port = await new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'atelier-target-'));
  const server = `https://127.0.0.1:${port}`;
  const file = path.join(dir, 'config');
  writeFileSync(
    file,
    stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'gone', cluster: { server, 'insecure-skip-tls-verify': true } }],
      users: [{ name: 'gone', user: { token: 'gone-token' } }],
      contexts: [{ name: 'kind-gone', context: { cluster: 'gone', user: 'gone' } }],
      'current-context': 'kind-gone',
    }),
  );
  return { file, server, port, token: 'gone-token', cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Waits until `read` gives something (the mirror follows the server asynchronously). */
export async function until<T>(read: () => T | undefined | false, what: string, attempts = 500): Promise<T> {
  for (let i = 0; i < attempts; i++) {
    const value = read();
    if (value !== undefined && value !== false) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`still waiting for ${what}`);
}
