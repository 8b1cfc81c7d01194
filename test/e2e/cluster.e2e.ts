/**
 * The simulated cluster in a real VS Code: apply a file from the palette, watch the tree,
 * describe, and ask the kubectl terminal.
 */
import * as assert from 'node:assert/strict';
import { atelierSession } from './support/atelier';
import { DEPLOYMENT } from './support/manifests';
import { until } from './support/poll';
import type { Workbench } from './support/workbench';

/** Applies the workspace's deployment.yaml from the palette and waits for kubectl's answer. */
async function applyDeployment(atelier: Workbench): Promise<void> {
  await atelier.openFile('deployment.yaml');
  await atelier.runCommand('Appliquer le fichier au cluster simulé');
  await atelier.toast('deployment.apps/web created').waitFor();
}

describe('Cluster simulé : appliquer un Deployment', function () {
  const session = atelierSession();

  it("montre le Deployment et ses trois Pods Running dans l'arbre, et le décrit", async function () {
    const atelier = await session.open(this, { files: { 'deployment.yaml': DEPLOYMENT } });
    await applyDeployment(atelier);
    await atelier.check('applique');

    await atelier.showAtelier();
    const rows = atelier.clusterRows();
    const deployment = rows.and(atelier.page.locator('[aria-label^="Deployment default/web"]'));
    await deployment.waitFor();
    const running = await until(async () => {
      const labels = await Promise.all((await rows.all()).map(async (row) => (await row.getAttribute('aria-label')) ?? ''));
      const pods = labels.filter((label) => /^Pod default\/web-[a-z0-9]+-[a-z0-9]{5}\n/.test(label));
      return pods.length === 3 && pods.every((label) => label.includes('\nStatut : Running\n')) && pods;
    }, 'three Running Pods of web in the tree');
    assert.equal(running.length, 3);
    assert.match(await deployment.innerText(), /3\/3 prêts/);
    await atelier.check('arbre');

    await deployment.click({ button: 'right' });
    const describeItem = atelier.menuItem('Décrire (kubectl describe)');
    await describeItem.click();
    const described = await until(async () => {
      // The tree redraws as the cluster's events arrive; a click that lands during a redraw
      // leaves the menu open (seen once in CI): click again while it is still there.
      if (await describeItem.isVisible()) await describeItem.click({ timeout: 2000 }).catch(() => undefined);
      const text = await atelier.editorText();
      return /^Name:\s+web$/m.test(text) && text;
    }, 'the describe document of deployment web');
    assert.match(described, /^Namespace:\s+default$/m);
    assert.match(described, /^Replicas:\s+3 desired \| 3 updated \| 3 total \| 3 available \| 0 unavailable$/m);
    await atelier.check('describe');
  });

  it('répond à kubectl get pods dans le terminal kubectl', async function () {
    const atelier = await session.open(this, { files: { 'deployment.yaml': DEPLOYMENT } });
    await applyDeployment(atelier);
    // The status bar counts ready Pods: ask once all three are.
    await atelier.statusItem('3/3 Pods prêts').waitFor();

    await atelier.runCommand('Ouvrir le terminal kubectl');
    await until(async () => (await atelier.terminalText()).includes('kubectl>'), 'the kubectl prompt');
    await atelier.page.keyboard.type('kubectl get pods');
    await atelier.page.keyboard.press('Enter');
    const pod = /^web-[a-z0-9]+-[a-z0-9]{5} +1\/1 +Running +0 +\d+s$/gm;
    const screen = await until(async () => {
      const text = await atelier.terminalText();
      return text.match(pod)?.length === 3 && text;
    }, 'three Running Pods in the answer of kubectl get pods');
    assert.match(screen, /^kubectl> kubectl get pods\nNAME +READY +STATUS +RESTARTS +AGE$/m);
    await atelier.check('kubectl-get-pods');
  });
});
