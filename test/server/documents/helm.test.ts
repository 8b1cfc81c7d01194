import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isHelmTemplate } from '../../../server/src/documents/helm';
import { scanFolder } from '../../../server/src/workspace/scan';

describe('server: Helm chart templates are not checked as manifests', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'atelier-helm-'));
  const chart = path.join(root, 'whoami');
  mkdirSync(path.join(chart, 'templates', 'sous-dossier'), { recursive: true });
  writeFileSync(path.join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: whoami\nversion: 0.1.0\n');
  writeFileSync(path.join(chart, 'templates', 'deployment.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n');
  writeFileSync(path.join(chart, 'values.yaml'), 'image: nginx:1.27\n');
  mkdirSync(path.join(root, 'ailleurs', 'templates'), { recursive: true });
  writeFileSync(path.join(root, 'ailleurs', 'templates', 'pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n');
  const uri = (...parts: string[]): string => pathToFileURL(path.join(root, ...parts)).toString();

  it('recognises templates/ (and its subfolders) of a folder holding Chart.yaml', () => {
    assert.equal(isHelmTemplate(uri('whoami', 'templates', 'deployment.yaml')), true);
    assert.equal(isHelmTemplate(uri('whoami', 'templates', 'sous-dossier', 'x.yaml')), true);
  });

  it('leaves the chart values, a templates/ folder without Chart.yaml, and unsaved documents alone', () => {
    assert.equal(isHelmTemplate(uri('whoami', 'values.yaml')), false);
    assert.equal(isHelmTemplate(uri('ailleurs', 'templates', 'pod.yaml')), false);
    assert.equal(isHelmTemplate('untitled:Untitled-1'), false);
  });

  it('the workspace scan skips templates but keeps the other manifests', async () => {
    const scanned = (await scanFolder(root)).map((file) => path.relative(root, new URL(file.uri).pathname));
    assert.deepEqual(scanned.sort(), [path.join('ailleurs', 'templates', 'pod.yaml'), path.join('whoami', 'Chart.yaml'), path.join('whoami', 'values.yaml')].sort());
  });
});
