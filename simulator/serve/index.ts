/**
 * The Kubernetes HTTP API over a simulated cluster, for the `atelier serve` command and
 * for any owner of a Cluster (the extension) that wants the real kubectl to reach it.
 */
export { startFacade, type Facade, type FacadeOptions } from './facade';
export { kubeconfigText, KubeconfigError, CONTEXT_NAME, type KubeconfigTarget } from './kubeconfig';
export { Ticker, clampSpeed, type TickerClock } from './ticker';
