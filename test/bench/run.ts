// `npm run bench`: the performance figures of the bundled programs, measured
// end to end through their real interfaces. Medians are what to compare.
import { spawnSync } from 'node:child_process';
import { distFile } from '../support/dist';
import { LspSession } from '../support/lspSession';
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

async function main(): Promise<void> {
  const results: Measure[] = [];

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
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
