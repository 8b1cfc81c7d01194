/**
 * What the benchmark times, the same way for both servers, through JSON-RPC only.
 * Every "full diagnostics" run sends a text no document of which the server has seen
 * (a new salt): a server that caches parses by text, as ours does, cannot cheat.
 */
import type { Position } from 'vscode-languageserver-protocol';
import { benchManifest, replicasEdit, type BenchFile } from '../fixtures/manifests';
import { diagnosticsLatency, type BenchServer } from './servers';
import { stats, type Stats } from './stats';

/** Runs per measure: 20 (ATELIER_BENCH_RUNS lowers it for a quick look while developing). */
export const RUNS = Number(process.env.ATELIER_BENCH_RUNS ?? 20);
const WARMUP = 2;

/** Figures of one server on the generated files. */
export interface FileFigures {
  fullDiagnostics: Stats;
  editDiagnostics: Stats;
  hover: Stats;
  completion: Stats | string;
  hugeDiagnostics: Stats;
  hoverDuringValidation: Stats;
  /** Runs in which that hover was answered before the diagnostics were published. */
  hoverBeforeDiagnostics: number;
  /** Diagnostics published for the 5,000-line file (a sanity check: the work was done). */
  diagnosticsCount: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function timed<T>(body: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await body();
  return { ms: performance.now() - start, value };
}

async function repeat(runs: number, body: (run: number) => Promise<number>): Promise<Stats> {
  for (let i = 0; i < WARMUP; i++) await body(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await body(i));
  return stats(samples);
}

/** One open document, whose text the scenarios replace or edit version after version. */
class OpenFile {
  private version = 1;
  private salts = 0;
  constructor(
    readonly server: BenchServer,
    readonly uri: string,
  ) {}

  async open(file: BenchFile): Promise<number> {
    const since = this.server.client.now();
    await this.server.client.open(this.uri, file.text, this.version);
    return (await diagnosticsLatency(this.server, this.uri, this.version, since)).ms;
  }

  /** A text of `documents` documents that the server has never seen. */
  fresh(documents: number): BenchFile {
    return benchManifest(documents, `${this.server.label}-${++this.salts}`);
  }

  /** Sends a change (whole text, or one range) and resolves when its diagnostics are published. */
  async change(text: string, range?: Parameters<BenchServer['client']['change']>[3]) {
    const version = ++this.version;
    const since = this.server.client.now();
    this.server.client.forgetDiagnostics();
    await this.server.client.change(this.uri, version, text, range);
    return { since, version, diagnostics: diagnosticsLatency(this.server, this.uri, version, since) };
  }

  async hover(position: Position): Promise<number> {
    const { ms, value } = await timed(() => this.server.client.hover(this.uri, position));
    if (!value) throw new Error(`${this.server.label}: no hover at ${JSON.stringify(position)}`);
    return ms;
  }

  async completion(position: Position): Promise<number> {
    const { ms, value } = await timed(() => this.server.client.completion(this.uri, position));
    const items = Array.isArray(value) ? value : (value?.items ?? []);
    if (items.length === 0) throw new Error(`${this.server.label}: no completion at ${JSON.stringify(position)}`);
    return ms;
  }
}

/** The 5,000-line file (100 documents) then the 50,000-line one (1,000 documents). */
export async function fileFigures(server: BenchServer, progress: (step: string) => void): Promise<FileFigures> {
  const file = new OpenFile(server, 'file:///atelier-bench/manifests.yaml');
  const base = file.fresh(100);
  await file.open(base);

  progress('5,000 lines: full diagnostics');
  let diagnosticsCount = 0;
  const fullDiagnostics = await repeat(RUNS, async () => {
    const { diagnostics } = await file.change(file.fresh(100).text);
    const { ms, params } = await diagnostics;
    diagnosticsCount = params.diagnostics.length;
    return ms;
  });

  progress('5,000 lines: edit of one document');
  let replicas = 10;
  const editDiagnostics = await repeat(RUNS, async () => {
    const edit = replicasEdit(base, replicas++);
    const { diagnostics } = await file.change(edit.text, edit.range);
    return (await diagnostics).ms;
  });

  progress('5,000 lines: hover');
  const hover = await repeat(RUNS, () => file.hover(base.hover));
  progress('5,000 lines: completion');
  const completion = server.hasCompletion ? await repeat(RUNS, () => file.completion(base.completion)) : 'not announced';

  progress('50,000 lines: diagnostics, and a hover sent during validation');
  const during: number[] = [];
  let hoverBeforeDiagnostics = 0;
  const hugeDiagnostics = await repeat(RUNS, async (run) => {
    const text = file.fresh(1_000);
    const { since, diagnostics } = await file.change(text.text);
    // 20 ms into the validation itself (after the debounce, for a server that debounces).
    await sleep(Math.max(0, since + server.debounceMs + 20 - performance.now()));
    const hovered = await timed(() => server.client.hover(file.uri, text.hover));
    const answeredAt = performance.now();
    const { ms } = await diagnostics;
    if (run >= 0) {
      during.push(hovered.ms);
      if (answeredAt < since + server.debounceMs + ms) hoverBeforeDiagnostics++;
    }
    return ms;
  });
  await server.client.closeDocument(file.uri);
  return {
    fullDiagnostics,
    editDiagnostics,
    hover,
    completion,
    hugeDiagnostics,
    hoverDuringValidation: stats(during),
    hoverBeforeDiagnostics,
    diagnosticsCount,
  };
}

/**
 * Cold start to first diagnostics: spawn the server, handshake (and configure), open a
 * file, wait for its diagnostics. A fresh process per run. The file always holds an
 * unknown field and only diagnostics that report something count, so that a server
 * publishing before its schemas are loaded gains nothing.
 */
export async function coldStart(start: () => Promise<BenchServer>, documents = 1): Promise<Stats> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const begin = performance.now();
    const server = await start();
    const uri = 'file:///atelier-bench/cold.yaml';
    await server.client.open(uri, benchManifest(documents, i).text.replace('  replicas: 3', '  replica: 3'));
    const { at } = await server.client.diagnosticsAfter(uri, begin, (p) => p.diagnostics.length > 0);
    samples.push(at - begin - server.debounceMs);
    await server.client.close();
  }
  return stats(samples);
}
