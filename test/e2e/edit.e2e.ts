/**
 * `kubectl edit` in a real VS Code: the object opens in an editor tab, the learner changes
 * it, saves and closes the tab, and the terminal applies the change as kubectl does once
 * its editor exits.
 */
import * as assert from 'node:assert/strict';
import { atelierSession } from './support/atelier';
import { DEPLOYMENT } from './support/manifests';
import { until } from './support/poll';

/** The first line of kubectl v1.30's editHeader (editoptions.go). */
const HEADER = "# Please edit the object below. Lines beginning with a '#' will be ignored,";

describe('Terminal kubectl : kubectl edit', function () {
  const session = atelierSession();

  it("applique le changement enregistré quand l'onglet se ferme", async function () {
    const atelier = await session.open(this, { files: { 'deployment.yaml': DEPLOYMENT } });
    const { page } = atelier;
    await atelier.openFile('deployment.yaml');
    await atelier.runCommand('Appliquer le fichier au cluster simulé');
    await atelier.toast('deployment.apps/web created').waitFor();
    await atelier.statusItem('3/3 Pods prêts').waitFor();
    // Only the edit's tab should be open once it starts.
    await page.keyboard.press('Control+W');
    await page.locator('.tabs-container .tab[aria-label^="deployment.yaml"]').waitFor({ state: 'detached' });

    await atelier.runCommand('Ouvrir le terminal kubectl');
    await until(async () => (await atelier.terminalText()).includes('kubectl>'), 'the kubectl prompt');
    await page.keyboard.type('kubectl edit deployment/web');
    await page.keyboard.press('Enter');

    // A tab of its own, not a preview that the next opened file would replace.
    const tab = page.locator('.tabs-container .tab.active[aria-label^="kubectl-edit-"]');
    await tab.waitFor();
    assert.doesNotMatch((await tab.getAttribute('class')) ?? '', /\bitalic\b/, 'the edit tab is a preview');
    const opened = await until(async () => {
      const text = await atelier.editorText();
      return text.startsWith(HEADER) && /^ {2}replicas: 3$/m.test(text) && text;
    }, "kubectl's header and the Deployment in the edit tab");
    assert.match(opened, /^kind: Deployment$/m);
    assert.match(await atelier.terminalText(), /enregistre puis ferme l'onglet/);
    await atelier.check('onglet-ouvert');

    // Find selects the first `replicas: 3` after the caret (line 1): spec's, which comes
    // before status'; closing the widget leaves it selected in the editor, and typing replaces
    // it. (Escape did not close the find widget here, in headless Chromium: its close button does.)
    await page.keyboard.press('Control+F');
    const findWidget = page.locator('.editor-group-container.active .find-widget.visible');
    await findWidget.waitFor();
    await page.keyboard.type('replicas: 3');
    // 1 of 5: spec.replicas, then status' availableReplicas, readyReplicas, replicas, updatedReplicas.
    await page.locator('.editor-group-container.active .find-widget .matchesCount', { hasText: /^1 of 5$/ }).waitFor();
    await findWidget.locator('[aria-label^="Close"]').click();
    await findWidget.waitFor({ state: 'detached' });
    await page.keyboard.type('replicas: 5');
    const changed = await until(async () => {
      const text = await atelier.editorText();
      return /^ {2}replicas: 5$/m.test(text) && text;
    }, 'spec.replicas: 5 in the edit tab');
    assert.match(changed, /^ {2}replicas: 5$/m);
    await page.keyboard.press('Control+S');
    await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached' });
    await atelier.check('enregistre');

    await page.keyboard.press('Control+W');
    await tab.waitFor({ state: 'detached' });
    const screen = await until(async () => {
      const text = await atelier.terminalText();
      return /^deployment\.apps\/web edited$/m.test(text) && text;
    }, 'deployment.apps/web edited in the terminal');
    assert.doesNotMatch(screen, /Edit cancelled/);

    await atelier.showAtelier();
    // The tree draws only the rows in view: fold the panes below it so that it has room for all five Pods.
    const unfolded = page.locator('.sidebar .pane-header[aria-expanded="true"]').filter({ hasNotText: /Cluster simulé/i });
    await until(async () => {
      if ((await unfolded.count()) > 0) await unfolded.first().click({ timeout: 2000 });
      return (await unfolded.count()) === 0;
    }, 'the panes below the cluster tree folded');
    const rows = atelier.clusterRows();
    const running = await until(async () => {
      const labels = await Promise.all((await rows.all()).map(async (row) => (await row.getAttribute('aria-label')) ?? ''));
      const pods = labels.filter((label) => /^Pod default\/web-[a-z0-9]+-[a-z0-9]{5}\n/.test(label));
      return pods.length === 5 && pods.every((label) => label.includes('\nStatut : Running\n')) && pods;
    }, 'five Running Pods of web in the tree');
    assert.equal(running.length, 5);
    assert.match(await rows.and(page.locator('[aria-label^="Deployment default/web"]')).innerText(), /5\/5 prêts/);
    await atelier.check('cinq-pods');
  });
});
