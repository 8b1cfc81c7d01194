// Bundled and run in a fresh Node process by test/bench/run.ts: times what a program
// pays to use the API knowledge (simulator/src/api) from a cold start, then warm.
// Prints one JSON line.
import { performance } from 'node:perf_hooks';

async function main(): Promise<void> {
  const start = performance.now();
  const api = await import('../../simulator/src/api/index');
  api.validateObject({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'warm' } });
  const loaded = performance.now();

  // First validation of each course kind: compiles its validator (Namespace is done above).
  const compile: Record<string, number> = {};
  for (const name of api.COURSE_KINDS) {
    const [module, version, kind] = name.split('.');
    const apiVersion = module === 'core' ? version! : `${api.KINDS.find((k) => k.definition === name)!.group}/${version!}`;
    const t = performance.now();
    api.validateObject({ apiVersion, kind, metadata: { name: 'x' } });
    compile[kind!] = performance.now() - t;
  }

  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [
            {
              name: 'web',
              image: 'nginx:1.27',
              ports: [{ containerPort: 80 }],
              resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } },
              readinessProbe: { httpGet: { path: '/', port: 80 } },
            },
          ],
        },
      },
    },
  };
  for (let i = 0; i < 2_000; i++) api.validateObject(deployment);
  const batches: number[] = [];
  for (let b = 0; b < 20; b++) {
    const t = performance.now();
    for (let i = 0; i < 500; i++) api.validateObject(deployment);
    batches.push((performance.now() - t) / 500);
  }
  batches.sort((a, b) => a - b);

  // The fallback for definitions without precompiled code: ajv compiling at run time
  // (engine set-up included), here for the biggest tree, the Pod's.
  const { compileAtRunTime } = await import('../../simulator/src/api/validation/schema');
  const t = performance.now();
  compileAtRunTime('core.v1.Pod');
  const runtimeCompile = performance.now() - t;

  console.log(JSON.stringify({ load: loaded - start, compile, validateDeployment: batches[10], runtimeCompile }));
}

void main();
