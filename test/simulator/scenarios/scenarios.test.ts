/**
 * Golden scenarios: one folder per behaviour, with manifests (`*.input.yaml`), the
 * commands a learner types (`commands.txt`: `kubectl ...` or `advance 30s`, `#` comments)
 * and the transcript they get (`expected.txt`). The cluster is a fresh one (seed 1,
 * a control plane and two workers); ages, times, generated name suffixes, uids and
 * addresses become placeholders (`<AGE>`, `web-<HASH>-<SUFFIX>`...) and column padding
 * after text is reduced to two spaces (indentation is kept), so that the transcripts check behaviour and texts, not timing.
 *
 * UPDATE_GOLDEN=1 rewrites the transcripts from the current behaviour (review the diff).
 */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Cluster } from '../../../simulator/src/cluster';
import { parseDuration, runKubectl } from '../../../simulator/src/kubectl/commands/index';
import { testCluster } from '../kubectl/commands/support';

const ROOT = __dirname;
const ALPHABET = '[bcdfghjklmnpqrstvwxz2456789]';

/** Splits a command line like a shell would, for the simple quoting scenarios use. */
export function splitCommandLine(line: string): string[] {
  const words: string[] = [];
  let current = '';
  let quote: string | undefined;
  let started = false;
  for (const char of line) {
    if (quote) {
      if (char === quote) quote = undefined;
      else current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      started = true;
    } else if (char === ' ' || char === '\t') {
      if (started) words.push(current);
      current = '';
      started = false;
    } else {
      current += char;
      started = true;
    }
  }
  if (started) words.push(current);
  return words;
}

/** Placeholders for what depends on timing and randomness; padding reduced to two spaces. */
export function normalize(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/containerd:\/\/[0-9a-f]{64}/g, 'containerd://<ID>')
        .replace(/sha256:[0-9a-f]{64}/g, 'sha256:<ID>')
        .replace(/(resourceVersion"?: )"\d+"/g, '$1"<RV>"')
        .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, '<UID>')
        .replace(/\.[0-9a-f]{16}\b/g, '.<ID>')
        .replace(new RegExp(`pod-template-hash[=:] ?${ALPHABET}{1,10}\\b`, 'g'), (match) => match.replace(new RegExp(`${ALPHABET}+$`), '<HASH>'))
        .replace(new RegExp(`\\b([a-z0-9]+(?:-[a-z0-9]+)*?)-${ALPHABET}{6,10}-${ALPHABET}{5}\\b`, 'g'), '$1-<HASH>-<SUFFIX>')
        .replace(new RegExp(`\\b([a-z0-9]+(?:-[a-z0-9]+)*?)-${ALPHABET}{6,10}\\b`, 'g'), '$1-<HASH>')
        .replace(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d \w{3} \d{4} \d\d:\d\d:\d\d \+0000/g, '<TIME>')
        .replace(/\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<TIME>')
        .replace(/\b\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d\b/g, '<TIME>')
        .replace(/\b10\.(?!96\.0\.1\b|96\.0\.10\b)\d+\.\d+\.\d+\b/g, '<IP>')
        .replace(/\b\d+(?:\.\d+)?ms\b|\b\d+\.\d+s\b/g, '<DURATION>')
        .replace(/\b\d+(?:y\d+d|d\d+h|h\d+m|m\d+s|[smhdy])\b/g, '<AGE>')
        .replace(/(\S) {2,}/g, '$1  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Runs one command line of a scenario; returns its transcript. */
function runLine(cluster: Cluster, line: string, files: Record<string, string>): string {
  const [program, ...args] = splitCommandLine(line);
  if (program === 'advance') {
    cluster.advance(parseDuration(args[0] ?? ''));
    return '';
  }
  if (program !== 'kubectl') throw new Error(`commands.txt: expected "kubectl ..." or "advance DURATION", got: ${line}`);
  const result = runKubectl(cluster, args, { files });
  return `${result.stdout}${result.stderr}${result.exitCode === 0 ? '' : `[exit ${result.exitCode}]\n`}`;
}

/** The transcript of a scenario folder. */
export function runScenario(folder: string): string {
  const files: Record<string, string> = {};
  for (const name of readdirSync(folder)) if (/\.(ya?ml|json)$/.test(name)) files[name] = readFileSync(path.join(folder, name), 'utf8');
  const cluster = testCluster();
  const lines = readFileSync(path.join(folder, 'commands.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  // The command lines are kept as written; only what the cluster answered is normalized.
  return lines.map((line) => `$ ${line === '' ? line : line.startsWith('advance') ? `atelier ${line}` : line}\n${normalize(runLine(cluster, line, files))}`).join('\n');
}

const scenarios = readdirSync(ROOT).filter((name) => statSync(path.join(ROOT, name)).isDirectory() && existsSync(path.join(ROOT, name, 'commands.txt')));

describe('simulator scenarios (golden transcripts)', () => {
  it('has scenarios to run', () => {
    assert.ok(scenarios.length >= 8, `only ${scenarios.length} scenarios under ${ROOT}`);
  });

  for (const name of scenarios) {
    it(name, () => {
      const folder = path.join(ROOT, name);
      const actual = runScenario(folder);
      const expectedFile = path.join(folder, 'expected.txt');
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(expectedFile, actual);
      assert.ok(existsSync(expectedFile), `${expectedFile} is missing: run with UPDATE_GOLDEN=1 to write it, then review it`);
      assert.equal(actual, readFileSync(expectedFile, 'utf8'));
    });
  }
});

describe('simulator scenarios: the normalization', () => {
  it('replaces generated names, ages, times and addresses, and reduces padding', () => {
    const table = 'NAME                   READY   STATUS    RESTARTS     AGE   IP           NODE\nweb-766486c5b6-bncwg   1/1     Running   3 (12s ago)  5m3s  10.244.1.2   worker-1\n';
    assert.equal(normalize(table), 'NAME  READY  STATUS  RESTARTS  AGE  IP  NODE\nweb-<HASH>-<SUFFIX>  1/1  Running  3 (<AGE> ago)  <AGE>  <IP>  worker-1\n');
    assert.equal(normalize('replicaset.apps/web-c68c68797 created, pod-template-hash=c68c68797'), 'replicaset.apps/web-<HASH> created, pod-template-hash=<HASH>');
    assert.equal(normalize('Successfully pulled image "nginx:1.27" in 405ms (405ms including waiting)'), 'Successfully pulled image "nginx:1.27" in <DURATION> (<DURATION> including waiting)');
    assert.equal(normalize('service/kubernetes ClusterIP 10.96.0.1 ... 443/TCP'), 'service/kubernetes ClusterIP 10.96.0.1 ... 443/TCP');
  });

  it('splits command lines with quotes', () => {
    assert.deepEqual(splitCommandLine(`kubectl create deployment web --image=busybox -- sh -c "echo hi; sleep 5"`), ['kubectl', 'create', 'deployment', 'web', '--image=busybox', '--', 'sh', '-c', 'echo hi; sleep 5']);
  });
});
