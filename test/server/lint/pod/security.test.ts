import * as assert from 'node:assert/strict';
import { parseManifest } from '../../../../server/src/documents/manifest';
import { locatePath } from '../../../../server/src/documents/positions';
import { hostNetwork } from '../../../../server/src/lint/pod/hostNetwork';
import { hostPathVolume } from '../../../../server/src/lint/pod/hostPath';
import { privilegedContainer } from '../../../../server/src/lint/pod/privilegedContainer';
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

/** A Pod whose PodSpec is `spec` (YAML at the PodSpec's level). */
const pod = (spec: string, kind = 'Pod'): string =>
  `apiVersion: ${kind === 'Pod' ? 'v1' : 'apps/v1'}\nkind: ${kind}\nmetadata:\n  name: p\n` +
  (kind === 'Pod' ? 'spec:\n' : 'spec:\n  template:\n    spec:\n') +
  spec
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => (kind === 'Pod' ? '  ' : '      ') + line)
    .join('\n') +
  '\n';

const withSecurity = (securityContext: string): string => pod(`containers:\n  - name: web\n    image: nginx:1.27\n    securityContext: ${securityContext}`);

describe('lint/pod: privileged-container', () => {
  const S = 'spec.containers.0.securityContext';
  const cases: Array<[securityContext: string, paths: string[]]> = [
    ['{ privileged: true }', [`${S}.privileged`]],
    ['{ allowPrivilegeEscalation: true }', [`${S}.allowPrivilegeEscalation`]],
    ['{ capabilities: { add: [NET_BIND_SERVICE, SYS_ADMIN] } }', [`${S}.capabilities.add.1`]],
    ['{ capabilities: { add: [CAP_NET_ADMIN, ALL] } }', [`${S}.capabilities.add.0`, `${S}.capabilities.add.1`]],
    ['{ privileged: true, allowPrivilegeEscalation: true }', [`${S}.privileged`, `${S}.allowPrivilegeEscalation`]],
    ['{ privileged: false, allowPrivilegeEscalation: false, capabilities: { drop: [ALL], add: [NET_BIND_SERVICE] } }', []],
    ['{ runAsNonRoot: true }', []],
  ];
  for (const [securityContext, paths] of cases) {
    it(`${paths.length > 0 ? 'reports' : 'accepts'} securityContext ${securityContext}`, () => {
      assert.deepEqual(
        lint(privilegedContainer, withSecurity(securityContext)).map((finding) => finding.path.join('.')),
        paths,
      );
    });
  }

  it('names the capability and what it allows, and gives the quick fix its index', () => {
    const [finding] = lint(privilegedContainer, withSecurity('{ capabilities: { add: [CAP_SYS_ADMIN] } }'));
    assert.match(finding!.message, /^Le conteneur « web » ajoute la capability SYS_ADMIN\. SYS_ADMIN est presque l'équivalent de root/);
    assert.deepEqual(finding!.fix, { container: ['spec', 'containers', 0], field: 'capabilities.add', capability: 'CAP_SYS_ADMIN', index: 0 });
  });

  it('checks init and ephemeral containers too', () => {
    const spec = `
initContainers:
  - name: sysctl
    image: busybox:1.36
    securityContext: { privileged: true }
containers:
  - name: web
    image: nginx:1.27
ephemeralContainers:
  - name: debug
    image: busybox:1.36
    securityContext: { privileged: true }
`;
    assert.deepEqual(
      lint(privilegedContainer, pod(spec)).map((finding) => finding.path.join('.')),
      ['spec.initContainers.0.securityContext.privileged', 'spec.ephemeralContainers.0.securityContext.privileged'],
    );
  });
});

describe('lint/pod: host-path', () => {
  const spec = `
containers:
  - name: web
    image: nginx:1.27
volumes:
  - name: cache
    emptyDir: {}
  - name: logs
    hostPath: { path: /var/log }
`;

  it('reports a hostPath volume at its hostPath key, not the other volumes', () => {
    const findings = lint(hostPathVolume, pod(spec));
    assert.deepEqual(
      findings.map((finding) => [finding.path.join('.'), finding.fix]),
      [['spec.volumes.1.hostPath', { volume: ['spec', 'volumes', 1], name: 'logs', hostPath: '/var/log' }]],
    );
    assert.match(findings[0]!.message, /^Le volume « logs » est un hostPath \(« \/var\/log »\)/);
    assert.match(findings[0]!.message, /PersistentVolumeClaim/);
  });

  it('warns that the runtime socket hands over the node', () => {
    const [finding] = lint(hostPathVolume, pod(spec.replace('/var/log', '/var/run/docker.sock')));
    assert.match(finding!.message, /Monter « \/var\/run\/docker\.sock » donne à lui seul le contrôle complet du nœud\./);
  });

  it('tells a DaemonSet to mount read-only what its agent reads', () => {
    const [finding] = lint(hostPathVolume, pod(spec, 'DaemonSet'));
    assert.match(finding!.message, /readOnly: true/);
    assert.doesNotMatch(finding!.message, /PersistentVolumeClaim/);
  });

  it('accepts a Pod without hostPath', () => {
    assert.deepEqual(lint(hostPathVolume, pod(spec.replace('hostPath: { path: /var/log }', 'configMap: { name: logs }'))), []);
  });
});

describe('lint/pod: host-network', () => {
  const containers = 'containers:\n  - name: web\n    image: nginx:1.27\n';
  const cases: Array<[fields: string, paths: string[]]> = [
    ['hostNetwork: true', ['spec.hostNetwork']],
    ['hostPID: true', ['spec.hostPID']],
    ['hostIPC: true', ['spec.hostIPC']],
    ['hostNetwork: true\nhostPID: true\nhostIPC: true', ['spec.hostNetwork', 'spec.hostPID', 'spec.hostIPC']],
    ['hostNetwork: false\nhostPID: false', []],
  ];
  for (const [fields, paths] of cases) {
    it(`${paths.length > 0 ? 'reports' : 'accepts'} ${fields.replace(/\n/g, ', ')}`, () => {
      const findings = lint(hostNetwork, pod(`${fields}\n${containers}`));
      assert.deepEqual(
        findings.map((finding) => finding.path.join('.')),
        paths,
      );
      for (const finding of findings) assert.deepEqual(finding.fix, { field: finding.path.at(-1) });
    });
  }

  it('looks in the template of a workload', () => {
    const findings = lint(hostNetwork, pod(`hostNetwork: true\n${containers}`, 'DaemonSet'));
    assert.deepEqual(findings.map((finding) => finding.path.join('.')), ['spec.template.spec.hostNetwork']);
    assert.match(findings[0]!.message, /^Le Pod partage le réseau du nœud \(`hostNetwork: true`\)/);
  });
});
