import type { Settings } from '../settings';
import type { ResourceIndex } from '../workspace/resources';

/** What the editor features know besides the document: settings and the other resources. */
export interface FeatureContext {
  settings: Settings;
  /** Objects of the workspace's files and of the simulated cluster. */
  resources: ResourceIndex;
  /** Image names the simulated kubelet knows (`nginx`, `redis`...), for completion. */
  images: readonly string[];
}
