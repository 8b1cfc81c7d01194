/**
 * What a kube-apiserver v1.30 knows, as data plus a small engine: the kind catalogue,
 * the generated schemas, the French documentation, defaulting and validation, and the
 * API's errors. The simulated API server and the language server both import this.
 */
export * from './chapters';
export * from './catalog';
export * from './schemas';
export * from './errors';
export * from './docs/index';
export * from './validation/index';
export * from './defaults/index';
