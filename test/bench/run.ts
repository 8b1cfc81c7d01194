// `npm run bench`: the performance figures of the bundled programs, measured
// end to end through their real interfaces. Medians are what to compare.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { ROOT } from '../support/dist';
import { distFile } from '../support/dist';
import { LspSession } from '../support/lspSession';
import { lspBenchmarks } from './lsp/index';
import { simulatorBenchmarks } from './simulator/index';
import { formatMeasures, measure, type Measure } from './measure';

/** A multi-document manifest of `count` Deployments (about 20 lines each). */
function manifests(count: number): string {
  const one = (i: number) =>
    [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      `  name: web-${i}`,
      'spec:',
      '  replicas: 3',
      '  selector:',
      '    matchLabels:',
      `      app: web-${i}`,
      '  template:',
      '    metadata:',
      '      labels:',
      `        app: web-${i}`,
      '    spec:',
      '      containers:',
      '        - name: web',
      '          image: nginx:1.27',
      '          ports:',
      '            - containerPort: 80',
    ].join('\n');
  return Array.from({ length: count }, (_, i) => one(i)).join('\n---\n') + '\n';
}

/** Median, min and max of samples gathered outside `measure` (one per fresh process). */
function summarize(name: string, samples: number[]): Measure {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { name, runs: sorted.length, median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

interface ApiProbe {
  load: number;
  compile: Record<string, number>;
  validateDeployment: number;
  runtimeCompile: number;
}

/** The API knowledge (issue 3 figures): each sample is a fresh Node process running apiProbe.ts. */
async function apiKnowledge(runs: number): Promise<Measure[]> {
  const outfile = join(ROOT, 'out', 'bench', 'apiProbe.js');
  mkdirSync(join(ROOT, 'out', 'bench'), { recursive: true });
  await esbuild.build({ entryPoints: [join(ROOT, 'test/bench/apiProbe.ts')], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'warning' });
  const probes: ApiProbe[] = [];
  for (let i = 0; i < runs; i++) {
    const run = spawnSync(process.execPath, [outfile], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(run.stderr);
    probes.push(JSON.parse(run.stdout) as ApiProbe);
  }
  const perKind = (pick: (values: number[]) => number) => probes.map((p) => pick(Object.values(p.compile)));
  return [
    summarize('api: load the knowledge base (import + first validation)', probes.map((p) => p.load)),
    summarize('api: first validation of a kind, median over course kinds', perKind((v) => summarize('', v).median)),
    summarize('api: first validation of a kind, slowest course kind', perKind((v) => Math.max(...v))),
    summarize('api: validate one Deployment, warm', probes.map((p) => p.validateDeployment)),
    summarize('api: ajv run-time compile of the Pod tree (fallback)', probes.map((p) => p.runtimeCompile)),
  ];
}

async function main(): Promise<void> {
  const results: Measure[] = [];

  results.push(...(await apiKnowledge(9)));

  // The floor every spawned program stands on: Node.js starting and exiting.
  results.push(
    await measure('baseline: node -e 0', 15, () => {
      spawnSync(process.execPath, ['-e', '0']);
      return Promise.resolve();
    }),
  );

  results.push(
    await measure('server: spawn -> initialize answered', 15, async () => {
      const session = new LspSession();
      await session.initialize();
      await session.close();
    }),
  );

  const session = new LspSession();
  await session.handshake();
  let counter = 0;
  for (const [label, text] of [
    ['1 Deployment', manifests(1)],
    ['1,000 Deployments (~20,000 lines)', manifests(1_000)],
  ] as const) {
    results.push(
      await measure(`server: didOpen -> diagnostics, ${label}`, 20, async () => {
        const uri = `file:///bench/${counter++}.yaml`;
        await session.open(uri, text);
        await session.diagnosticsFor(uri, () => true);
      }),
    );
  }
  await session.close();

  results.push(
    await measure('cli: atelier version', 15, () => {
      const run = spawnSync(process.execPath, [distFile('cli.js'), 'version']);
      if (run.status !== 0) throw new Error(`atelier version exited with ${run.status}`);
      return Promise.resolve();
    }),
  );

  console.log(formatMeasures(results));
  console.log('');
  console.log(await lspBenchmarks());
  console.log('');
  console.log(await simulatorBenchmarks());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
