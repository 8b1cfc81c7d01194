/**
 * The simulated cluster of the editor behind the Kubernetes HTTP API (simulator/serve), so
 * that the real kubectl, in VS Code's own terminal, reaches the very cluster the tree shows:
 * `export KUBECONFIG=…/kubeconfig; kubectl get pods`. The editor keeps ticking time itself
 * (the facade's ticker is off); what kubectl changes reaches the tree and the saved state
 * through the store's watch, like any other change. No `vscode` here.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { startFacade, type Facade } from '../../../simulator/serve/index';
import type { Cluster } from '../../../simulator/src/cluster';

export interface Serving {
  url: string;
  kubeconfig: string;
}

export class ClusterApi {
  private facade: Facade | undefined;
  private starting: Promise<Serving> | undefined;
  private kubeconfigPath = '';

  constructor(
    private readonly cluster: () => Cluster,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** Where it serves, when it does. */
  get serving(): Serving | undefined {
    return this.facade && { url: this.facade.url, kubeconfig: this.kubeconfigPath };
  }

  /**
   * Starts serving (once) and writes the kubeconfig at `path`: its `atelier` cluster, user
   * and context are replaced, whatever else the file holds is kept.
   */
  start(path: string): Promise<Serving> {
    if (this.facade) return Promise.resolve(this.serving!);
    this.starting ??= (async () => {
      const facade = await startFacade({ cluster: this.cluster, ticker: false, onError: this.onError });
      try {
        let existing: string | undefined;
        try {
          existing = readFileSync(path, 'utf8');
        } catch {
          existing = undefined;
        }
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(`${path}.tmp`, facade.kubeconfig(existing), { mode: 0o600 });
        renameSync(`${path}.tmp`, path);
      } catch (error) {
        await facade.close();
        throw error;
      }
      this.facade = facade;
      this.kubeconfigPath = path;
      return this.serving!;
    })().finally(() => (this.starting = undefined));
    return this.starting;
  }

  /** Stops serving (the kubeconfig stays: it names a port nobody answers on until the next start). */
  async stop(): Promise<void> {
    const facade = this.facade;
    this.facade = undefined;
    await facade?.close();
  }

  dispose(): void {
    void this.stop();
  }
}
