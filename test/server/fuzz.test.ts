import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Position } from 'vscode-languageserver-protocol';
import { createRandom, type Random } from '../../simulator/src/random';
import { distFile } from '../support/dist';
import { LspClient } from '../support/lspClient';
import { mutate } from '../support/mutate';

// Thousands of mutated manifests through one dist/server.js process, over JSON-RPC: the
// server must survive every one and answer each (diagnostics, hover, completion) within
// a second. A failure names the seed and the case, so it can be replayed: the same seed
// gives the same texts (ATELIER_FUZZ_SEED picks another seed, to explore).

const SEED = Number(process.env.ATELIER_FUZZ_SEED ?? 20_240_917);
const CASES = 2_000;
// A hang detector, not a benchmark (npm run bench measures speed): answers take a few ms.
const ANSWER_MS = 5_000;
const SLOTS = 4;

const corpusDir = join(__dirname, '..', 'fixtures', 'manifests', 'valid');
const corpus = readdirSync(corpusDir)
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => readFileSync(join(corpusDir, name), 'utf8'));
const documents = corpus.flatMap((text) => text.split(/^---$/m));

/** A position anywhere in the text, sometimes past the end of its line or of the file. */
function positionIn(text: string, random: Random): Position {
  const all = text.split('\n');
  const line = random.int(all.length + 1);
  return { line, character: random.int((all[line]?.length ?? 0) + 3) };
}

describe('server: fuzzing dist/server.js with mutated manifests', function () {
  this.timeout(120_000);
  let client: LspClient;

  before(() => {
    client = new LspClient({ command: process.execPath, args: [distFile('server.js'), '--stdio'] });
  });
  after(() => client.dispose());

  it(`survives ${CASES} mutated manifests (seed ${SEED}) and answers each within ${ANSWER_MS} ms`, async () => {
    const capabilities = (await client.handshake()).capabilities;
    const random = createRandom(SEED);
    const versions: Array<number | undefined> = Array<number | undefined>(SLOTS).fill(undefined);
    const slowest = { diagnostics: 0, hover: 0, completion: 0 };

    for (let i = 0; i < CASES; i++) {
      const source = random.int(3) === 0 ? corpus[random.int(corpus.length)]! : documents[random.int(documents.length)]!;
      const { text, applied } = mutate(source, random);
      const slot = random.int(SLOTS);
      const uri = `file:///atelier/fuzz/${slot}.yaml`;
      const replay = () => `case ${i} (seed ${SEED}, ${applied.join(' + ')}): ${JSON.stringify(text.slice(0, 400))}`;
      const within = (what: keyof typeof slowest, ms: number) => {
        slowest[what] = Math.max(slowest[what], ms);
        assert.ok(ms <= ANSWER_MS, `${what} took ${ms.toFixed(0)} ms, ${replay()}`);
      };

      const version = (versions[slot] ?? 0) + 1;
      versions[slot] = version;
      client.forgetDiagnostics();
      const sent = performance.now();
      if (version === 1) await client.open(uri, text, version);
      else await client.change(uri, version, text);
      const published = await client.diagnosticsAfter(uri, sent, (p) => p.version === version, 10 * ANSWER_MS).catch((error: Error) => {
        throw new Error(`${error.message}, ${replay()}`);
      });
      within('diagnostics', published.at - sent);
      assert.ok(Array.isArray(published.params.diagnostics), replay());

      for (const [what, request] of [
        ['hover', capabilities.hoverProvider ? client.hover.bind(client) : undefined],
        ['completion', capabilities.completionProvider ? client.completion.bind(client) : undefined],
      ] as const) {
        if (!request) continue;
        const position = positionIn(text, random);
        const start = performance.now();
        // A rejected request is a handler that threw: a bug, even if the server lives on.
        await request(uri, position).catch((error: Error) => assert.fail(`${what} at ${JSON.stringify(position)} failed: ${error.message}, ${replay()}`));
        within(what, performance.now() - start);
      }

      if (random.int(20) === 0) {
        await client.closeDocument(uri);
        versions[slot] = undefined;
      }
      assert.ok(client.alive, `the server exited: ${client.stderr}\n${replay()}`);
    }
    // The server is still well: a plain document gets its diagnostics.
    const uri = 'file:///atelier/fuzz/after.yaml';
    const sent = performance.now();
    await client.open(uri, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fin\ndata:\n  a: b\n');
    assert.deepEqual((await client.diagnosticsAfter(uri, sent, (p) => p.version === 1)).params.diagnostics, []);
    assert.ok(slowest.diagnostics > 0);
  });
});
