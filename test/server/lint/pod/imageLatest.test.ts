import * as assert from 'node:assert/strict';
import { parseManifest } from '../../../../server/src/documents/manifest';
import { locatePath } from '../../../../server/src/documents/positions';
import { KNOWN_IMAGE_TAGS, parseImage, pinnedImage } from '../../../../server/src/lint/podRules';
import { imageLatest } from '../../../../server/src/lint/pod/imageLatest';
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

const pod = (image: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: web
      image: ${image}
`;

describe('lint/pod: image-latest', () => {
  const cases: Array<[image: string, floating: boolean, suggested?: string]> = [
    ['nginx', true, 'nginx:1.27'],
    ['nginx:latest', true, 'nginx:1.27'],
    ['docker.io/library/nginx', true, 'docker.io/library/nginx:1.27'],
    ['library/redis:latest', true, 'library/redis:7.2'],
    ['prom/prometheus', true, 'prom/prometheus:v2.53.0'],
    ['traefik/whoami:latest', true, 'traefik/whoami:v1.10'],
    ['localhost:5000/app', true],
    ['ghcr.io/acme/nginx', true],
    ['constructor', true],
    ['nginx:1.27', false],
    ['localhost:5000/app:2.1', false],
    ['nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31', false],
    ['nginx:latest@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31', false],
  ];
  for (const [image, floating, suggested] of cases) {
    it(`${floating ? 'flags' : 'accepts'} ${image}${suggested ? ` (suggests ${suggested})` : ''}`, () => {
      const findings = lint(imageLatest, pod(image));
      if (!floating) return assert.deepEqual(findings, []);
      assert.deepEqual(
        findings.map((finding) => [finding.path, finding.fix]),
        [[['spec', 'containers', 0, 'image'], { container: ['spec', 'containers', 0], image, ...(suggested ? { suggestedImage: suggested } : {}) }]],
      );
      assert.match(findings[0]!.message, suggested ? new RegExp(`\`${suggested.replace(/[.]/g, '\\.')}\``) : /digest/);
    });
  }

  it('says that no tag means latest', () => {
    const [finding] = lint(imageLatest, pod('nginx'));
    assert.match(finding!.message, /^Le conteneur « web » utilise l'image « nginx » sans tag : Kubernetes tire alors `nginx:latest`\./);
  });

  it('checks the init containers of a CronJob', () => {
    const findings = lint(
      imageLatest,
      `apiVersion: batch/v1
kind: CronJob
metadata:
  name: backup
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          initContainers:
            - name: wait
              image: busybox
          containers:
            - name: dump
              image: postgres:16
`,
    );
    assert.deepEqual(
      findings.map((finding) => finding.path.join('.')),
      ['spec.jobTemplate.spec.template.spec.initContainers.0.image'],
    );
    assert.match(findings[0]!.message, /conteneur d'initialisation « wait »/);
  });

  it('skips an empty or templated image', () => {
    assert.deepEqual(lint(imageLatest, pod('""')), []);
    assert.deepEqual(lint(imageLatest, pod('"${IMAGE}"')), []);
  });

  it('exports the tag table of the "pin the tag" quick fix', () => {
    assert.equal(KNOWN_IMAGE_TAGS['hashicorp/http-echo'], '1.0');
    assert.equal(pinnedImage('grafana/grafana:latest'), 'grafana/grafana:11.1.0');
    assert.equal(pinnedImage('unknown/image'), undefined);
    assert.deepEqual(parseImage('localhost:5000/team/app:2.1@sha256:ab'), { repository: 'localhost:5000/team/app', tag: '2.1', digest: 'sha256:ab' });
  });
});
