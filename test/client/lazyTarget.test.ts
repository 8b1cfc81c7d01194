/**
 * The extension's bundle leaves @kubernetes/client-node (about 1 MB, some 100 ms to
 * evaluate) unevaluated until a real cluster is asked for: client/src/target/connection.ts
 * is reached only through loadConnection()'s `require`, which esbuild bundles as a lazily
 * initialised module. The bundle is built as esbuild.mjs builds dist/client.js, plus
 * a plugin that makes every module of client-node set a global marker when it runs; it is
 * then required in a child process with a stand-in `vscode` module.
 */
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as esbuild from 'esbuild';
import { PACKAGE_VERSION, ROOT } from '../support/dist';

const OUT = path.join(ROOT, 'out', 'test-lazy');
const MARKER = '__clientNodeLoaded';

/** client-node's own modules (its entry dist/index.js and everything it imports from its dist). */
const CLIENT_NODE_MODULE = /[\\/]node_modules[\\/]@kubernetes[\\/]client-node[\\/]dist[\\/].*\.js$/;

const marked: esbuild.Plugin = {
  name: 'client-node-marker',
  setup(build) {
    build.onLoad({ filter: CLIENT_NODE_MODULE }, async (args) => ({ contents: `globalThis.${MARKER} = true;\n${await readFile(args.path, 'utf8')}`, loader: 'js' }));
  },
};

/**
 * A stand-in for `vscode` enough for the bundle's module-level code: whatever is read from
 * it, called or constructed is itself (also through esbuild's __toESM copy, whose
 * prototype it is).
 */
const VSCODE_STUB = `const self = new Proxy(function vscode() {}, {
  get: (_, key) => (key === Symbol.toPrimitive ? () => '' : key === 'then' || key === '__esModule' ? undefined : self),
  getPrototypeOf: () => self,
  apply: () => self,
  construct: () => self,
});
module.exports = self;
`;

/** The extension's exports, and the loader of the real-cluster modules. */
const PROBE = `export * from '../../client/src/extension';
export { loadConnection } from '../../client/src/target/service';
`;

/** Requires both bundles, then loads the real-cluster modules; prints what it saw at each step. */
const CHILD = `const loaded = () => globalThis.${MARKER} === true;
const client = require(process.argv[1]);
const probe = require(process.argv[2]);
const required = { activate: typeof client.activate, probeActivate: typeof probe.activate, clientNode: loaded() };
const connection = probe.loadConnection();
console.log(JSON.stringify({ required, loaded: { clientNode: loaded(), exports: Object.keys(connection).sort() } }));
`;

interface Seen {
  required: { activate: string; probeActivate: string; clientNode: boolean };
  loaded: { clientNode: boolean; exports: string[] };
}

describe('client bundle: client-node is loaded only for a real cluster', () => {
  let bundle: string;
  let seen: Seen;

  before(async () => {
    mkdirSync(path.join(OUT, 'node_modules', 'vscode'), { recursive: true });
    // Found by the bundles' require('vscode'), from out/test-lazy/bundle/ upwards.
    writeFileSync(path.join(OUT, 'node_modules', 'vscode', 'index.js'), VSCODE_STUB);
    writeFileSync(path.join(OUT, 'probe.ts'), PROBE);
    // esbuild.mjs's options for the client (development build) and the marker plugin; no
    // source map, which changes nothing of what runs.
    await esbuild.build({
      absWorkingDir: ROOT,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      sourcemap: false,
      minify: false,
      logLevel: 'silent',
      define: { __ATELIER_VERSION__: JSON.stringify(PACKAGE_VERSION) },
      entryPoints: { client: 'client/src/extension.ts', probe: path.join(OUT, 'probe.ts') },
      outdir: path.join(OUT, 'bundle'),
      external: ['vscode'],
      plugins: [marked],
    });
    bundle = readFileSync(path.join(OUT, 'bundle', 'client.js'), 'utf8');
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', CHILD, path.join(OUT, 'bundle', 'client.js'), path.join(OUT, 'bundle', 'probe.js')], { cwd: OUT, timeout: 8000 });
    seen = JSON.parse(stdout) as Seen;
  });

  it('bundles client-node, every module of it marked', () => {
    const marks = bundle.split(`globalThis.${MARKER} = true;`).length - 1;
    assert.ok(marks > 100, `${marks} modules of client-node in the bundle`);
  });

  it('does not evaluate client-node when the extension is loaded', () => {
    assert.deepEqual(seen.required, { activate: 'function', probeActivate: 'function', clientNode: false });
  });

  it('evaluates it once the real-cluster modules are asked for', () => {
    assert.deepEqual(seen.loaded, { clientNode: true, exports: ['Mirror', 'RemoteClient', 'configFor', 'listContexts', 'loadKubeconfig'] });
  });
});
