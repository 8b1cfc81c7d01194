/**
 * Golden transcripts of Pod lifecycles: `golden/<name>.input.yaml` holds the objects
 * (Pods already bound with spec.nodeName), `golden/<name>.expected.txt` what happens over
 * three simulated minutes: each change of what `kubectl get pods` would show, and each
 * kubelet event as it is recorded (uids as <uid>). `UPDATE_GOLDEN=1` rewrites them.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../../../simulator/src/store/store';
import { Harness, type ContainerStatus } from './harness';

const DIR = join(__dirname, 'golden');
const MINUTES = 3;

function summary(pod: KubeObject): string {
  const status = (pod.status ?? {}) as { phase?: string; containerStatuses?: ContainerStatus[] };
  const containers = (status.containerStatuses ?? []).map((c) => {
    const state = c.state.waiting?.reason ?? c.state.terminated?.reason ?? (c.state.running ? 'Running' : '?');
    return `${c.name}=${state} ready=${c.ready} restarts=${c.restartCount}`;
  });
  return `${status.phase ?? ''} ${containers.join(' ')}`.trim();
}

function transcript(name: string): string {
  const h = new Harness({ seed: 11 });
  const text = readFileSync(join(DIR, `${name}.input.yaml`), 'utf8');
  const lines: string[] = [];
  const shown = new Map<string, string>();
  const stamp = () => `+${((h.clock.now() - h.start) / 1000).toFixed(1)}s`.padEnd(8);
  h.store.watch((event) => {
    const object = event.object;
    const meta = object.metadata as { name: string; uid?: string };
    if (object.kind === 'Pod' && event.type !== 'DELETED') {
      const line = summary(object);
      if (shown.get(meta.name) !== line) lines.push(`${stamp()} pod/${meta.name} ${line}`);
      shown.set(meta.name, line);
    }
    if (object.kind === 'Event') {
      const involved = (object.involvedObject as { name: string }).name;
      const message = String(object.message).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uid>');
      lines.push(`${stamp()} ${String(object.type).padEnd(7)} ${String(object.reason).padEnd(10)} pod/${involved}: ${message}`);
    }
  });
  for (const doc of parseAllDocuments(text)) h.store.create(doc.toJSON() as KubeObject);
  h.advance(MINUTES * 60_000);
  return `${lines.join('\n')}\n`;
}

function expectGolden(file: string, actual: string): void {
  const path = join(DIR, file);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual);
  assert.ok(existsSync(path), `missing golden file ${file} (UPDATE_GOLDEN=1 writes it)`);
  assert.equal(actual, readFileSync(path, 'utf8'));
}

describe('kubelet: golden lifecycles', () => {
  for (const name of ['busybox-crashloop', 'unknown-image', 'missing-configmap', 'liveness-exec', 'oom-and-readiness']) {
    it(name, () => expectGolden(`${name}.expected.txt`, transcript(name)));
  }
});
