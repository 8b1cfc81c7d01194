/**
 * Versions the Atelier speaks of. `__ATELIER_VERSION__` is replaced by esbuild
 * (esbuild.mjs) with the version in package.json; sources run unbundled (the
 * mocha suites) report a development version instead.
 */
declare const __ATELIER_VERSION__: string | undefined;

/** The Atelier's own version, from package.json. */
export const ATELIER_VERSION: string =
  typeof __ATELIER_VERSION__ === 'string' ? __ATELIER_VERSION__ : '0.0.0-dev';

/** The Kubernetes API version whose behaviour the Atelier mirrors. */
export const KUBERNETES_VERSION = 'v1.30.0';
