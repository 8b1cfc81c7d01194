/**
 * The part of the target that talks to real clusters through @kubernetes/client-node
 * (about 1 MB once bundled, some 100 ms to evaluate). Nothing imports it: loadConnection()
 * (service.ts) requires it on first use, which esbuild bundles as a lazily initialised
 * module, so an activation on the simulated cluster never evaluates client-node; choosing
 * a real context or listing the kubeconfig's contexts does.
 * `import type` of these modules is fine anywhere; a value import would load them at start.
 */
export { configFor, listContexts, loadKubeconfig } from './kubeconfig';
export { Mirror } from './mirror';
export { RemoteClient } from './remote';
