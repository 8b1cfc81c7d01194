import * as assert from 'node:assert/strict';
import { parseManifest } from '../../../../server/src/documents/manifest';
import { locatePath } from '../../../../server/src/documents/positions';
import { probePortUndeclared } from '../../../../server/src/lint/pod/probePortUndeclared';
import { probesMissing } from '../../../../server/src/lint/pod/probesMissing';
import type { LintFinding, LintRule } from '../../../../server/src/lint/rule';
import { ResourceIndex } from '../../../../server/src/workspace/resources';
import { kindInfo } from '../../../../simulator/src/api/catalog';

/** Runs `rule` on a manifest; every finding must point at a field written in it. */
function lint(rule: LintRule, text: string): LintFinding[] {
  const parsed = parseManifest(text);
  const info = kindInfo(parsed.apiVersion!, parsed.kind!)!;
  const findings = rule.check(parsed.value as Record<string, unknown>, { info, resources: new ResourceIndex() });
  for (const finding of findings) assert.ok(locatePath(parsed.yaml, finding.path).found, `${finding.path.join('.')} is not in the document`);
  return findings;
}

const indent = (text: string, by: string): string =>
  text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => by + line)
    .join('\n');

/** A workload of `kind` whose PodSpec is `spec` (YAML at the PodSpec's level). */
function workload(kind: string, spec: string): string {
  const head = `kind: ${kind}\nmetadata:\n  name: w\n`;
  if (kind === 'Pod') return `apiVersion: v1\n${head}spec:\n${indent(spec, '  ')}\n`;
  if (kind === 'Job') return `apiVersion: batch/v1\n${head}spec:\n  template:\n    spec:\n${indent(spec, '      ')}\n`;
  return `apiVersion: apps/v1\n${head}spec:\n  selector: { matchLabels: { app: w } }\n  template:\n    metadata: { labels: { app: w } }\n    spec:\n${indent(spec, '      ')}\n`;
}

const NO_PROBES = `
containers:
  - name: web
    image: nginx:1.27
    ports: [{ containerPort: 80, name: http }]
`;

describe('lint/pod: probes-missing', () => {
  const cases: Array<[kind: string, spec: string, reported: boolean]> = [
    ['Deployment', NO_PROBES, true],
    ['StatefulSet', NO_PROBES, true],
    ['DaemonSet', NO_PROBES, true],
    ['ReplicaSet', NO_PROBES, true],
    ['Pod', NO_PROBES, true],
    ['Pod', `restartPolicy: Always\n${NO_PROBES}`, true],
    ['Pod', `restartPolicy: Never\n${NO_PROBES}`, false],
    ['Job', `restartPolicy: Never\n${NO_PROBES}`, false],
  ];
  for (const [kind, spec, reported] of cases) {
    const policy = /restartPolicy: (\w+)/.exec(spec)?.[1];
    it(`${reported ? 'reports' : 'leaves alone'} a ${kind}${policy ? ` with restartPolicy ${policy}` : ''}`, () => {
      const findings = lint(probesMissing, workload(kind, spec));
      assert.equal(findings.length, reported ? 1 : 0);
    });
  }

  it('says which probe is missing, with the container and its first port for the quick fix', () => {
    const findings = lint(probesMissing, workload('Deployment', `${NO_PROBES}    readinessProbe: { httpGet: { path: /, port: http } }\n`));
    const containerPath = ['spec', 'template', 'spec', 'containers', 0];
    assert.deepEqual(
      findings.map((finding) => [finding.path, finding.fix]),
      [[containerPath, { container: containerPath, missing: ['livenessProbe'], port: 'http' }]],
    );
    assert.match(findings[0]!.message, /^Le conteneur « web » n'a pas de livenessProbe\. Sans livenessProbe, le kubelet/);
  });

  it('names both probes when both are missing', () => {
    const [finding] = lint(probesMissing, workload('Pod', NO_PROBES));
    assert.deepEqual(finding!.fix, { container: ['spec', 'containers', 0], missing: ['readinessProbe', 'livenessProbe'], port: 'http' });
    assert.match(finding!.message, /n'a ni readinessProbe ni livenessProbe\. Sans readinessProbe, .* Sans livenessProbe, /);
  });

  it('accepts a container with both probes, and ignores init containers', () => {
    const spec = `
initContainers:
  - name: migrate
    image: busybox:1.36
containers:
  - name: web
    image: nginx:1.27
    readinessProbe: { httpGet: { path: /, port: 80 } }
    livenessProbe: { tcpSocket: { port: 80 } }
`;
    assert.deepEqual(lint(probesMissing, workload('Deployment', spec)), []);
  });
});

describe('lint/pod: probe-port-undeclared', () => {
  const probed = (ports: string, probe: string): string => `
containers:
  - name: web
    image: nginx:1.27
    ports: ${ports}
    ${probe}
`;
  const cases: Array<[ports: string, probe: string, path: string | undefined, suggestedPort?: string | number]> = [
    ['[{ containerPort: 80, name: http }]', 'readinessProbe: { httpGet: { path: /, port: http } }', undefined],
    ['[{ containerPort: 80, name: http }]', 'readinessProbe: { httpGet: { path: /, port: 80 } }', undefined],
    ['[{ containerPort: 80, name: http }]', 'readinessProbe: { httpGet: { path: /, port: htpp } }', 'readinessProbe.httpGet.port', 'http'],
    ['[{ containerPort: 80, name: http }]', 'livenessProbe: { tcpSocket: { port: 8080 } }', 'livenessProbe.tcpSocket.port', 80],
    ['[{ containerPort: 80 }, { containerPort: 9000 }]', 'startupProbe: { grpc: { port: 9001 } }', 'startupProbe.grpc.port', 9000],
    ['[{ containerPort: 80 }, { containerPort: 443 }]', 'livenessProbe: { tcpSocket: { port: 5000 } }', 'livenessProbe.tcpSocket.port'],
    ['[]', 'livenessProbe: { tcpSocket: { port: "8080" } }', 'livenessProbe.tcpSocket.port'],
    ['[{ containerPort: 80, name: http }]', 'livenessProbe: { exec: { command: [true] } }', undefined],
  ];
  for (const [ports, probe, path, suggestedPort] of cases) {
    it(`${path ? 'reports' : 'accepts'} ${probe} with ports ${ports}${suggestedPort !== undefined ? ` (suggests ${suggestedPort})` : ''}`, () => {
      const findings = lint(probePortUndeclared, workload('Pod', probed(ports, probe)));
      assert.deepEqual(
        findings.map((finding) => finding.path.slice(3).join('.')),
        path ? [path] : [],
      );
      if (path) assert.equal(findings[0]!.fix?.suggestedPort, suggestedPort);
    });
  }

  it('explains that a named port the container lacks makes the probe fail', () => {
    const [finding] = lint(probePortUndeclared, workload('Pod', probed('[{ containerPort: 80, name: web }]', 'readinessProbe: { httpGet: { port: http } }')));
    assert.match(finding!.message, /^La readinessProbe du conteneur « web » vise le port nommé « http », mais aucun port de ce conteneur ne porte ce nom/);
    assert.match(finding!.message, /Ports déclarés : 80 \(web\)\./);
    assert.deepEqual(finding!.fix, {
      container: ['spec', 'containers', 0],
      probe: 'readinessProbe',
      handler: 'httpGet',
      port: 'http',
      suggestedPort: 'web',
      declaredPorts: { names: ['web'], numbers: [80] },
    });
  });

  it('checks sidecars but not plain init containers', () => {
    const spec = `
initContainers:
  - name: setup
    image: busybox:1.36
    livenessProbe: { tcpSocket: { port: 1 } }
  - name: proxy
    image: traefik/whoami:v1.10
    restartPolicy: Always
    readinessProbe: { tcpSocket: { port: admin } }
containers:
  - name: web
    image: nginx:1.27
`;
    assert.deepEqual(
      lint(probePortUndeclared, workload('Deployment', spec)).map((finding) => finding.path.join('.')),
      ['spec.template.spec.initContainers.1.readinessProbe.tcpSocket.port'],
    );
  });
});
