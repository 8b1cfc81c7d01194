/**
 * Writing a manifest in a real VS Code: the language server's hover, diagnostic, quick fix
 * and completion, as a learner meets them.
 */
import * as assert from 'node:assert/strict';
import { atelierSession } from './support/atelier';
import { DEPLOYMENT } from './support/manifests';
import { until } from './support/poll';

describe('Éditeur : un manifeste de Deployment', function () {
  const session = atelierSession();

  it('explique replicas en français au survol', async function () {
    const atelier = await session.open(this, { files: { 'deployment.yaml': DEPLOYMENT } });
    await atelier.openFile('deployment.yaml');
    const text = await atelier.hoverText(atelier.token('replicas'), /Nombre de Pods identiques/);
    assert.match(text, /replicas — integer/);
    assert.match(text, /dans DeploymentSpec/);
    await atelier.check('survol-replicas');
  });

  it('signale la faute de frappe replica dans Problèmes, et sa correction rapide la répare', async function () {
    const atelier = await session.open(this, { files: { 'deployment.yaml': DEPLOYMENT.replace('replicas: 3', 'replica: 3') } });
    await atelier.openFile('deployment.yaml');
    const rows = await atelier.problems();
    const problem = rows.filter({ hasText: "Le champ « replica » n'existe pas dans DeploymentSpec" }).first();
    await problem.waitFor();
    assert.match(await problem.innerText(), /Voulais-tu dire « replicas » \?/);
    await atelier.check('probleme-replica');

    await atelier.token('replica').click();
    await atelier.page.keyboard.press('Control+.');
    const fix = atelier.page.locator('.action-widget .monaco-list-row.focused', { hasText: 'Renommer « replica » en « replicas »' });
    await fix.waitFor();
    await atelier.check('correction-proposee');
    await atelier.page.keyboard.press('Enter');
    await until(async () => /^ {2}replicas: 3$/m.test(await atelier.editorText()), 'the key renamed to replicas');
    await problem.waitFor({ state: 'detached' });
    await atelier.check('corrige');
  });

  it('propose replicas à la complétion dans spec', async function () {
    const skeleton = DEPLOYMENT.replace('  replicas: 3\n', '');
    const atelier = await session.open(this, { files: { 'deployment.yaml': skeleton } });
    await atelier.openFile('deployment.yaml');
    // A new key line at the top of spec: (line 5), indented as spec's children.
    await atelier.goTo(5, 6);
    await atelier.page.keyboard.press('Enter');
    await atelier.page.keyboard.type('  ');
    const suggestion = atelier.page.locator('.suggest-widget .monaco-list-row[aria-label^="replicas"]');
    await until(async () => {
      // Asked again until the language server answers (before, only words of the file come).
      await atelier.page.keyboard.press('Escape');
      await atelier.page.keyboard.press('Control+Space');
      await suggestion.waitFor({ timeout: 3_000 });
      return true;
    }, 'replicas among the completions');
    assert.match((await suggestion.getAttribute('aria-label')) ?? '', /Nombre de Pods identiques/);
    await atelier.check('completion');
    await atelier.page.keyboard.type('repl');
    await atelier.page.locator('.suggest-widget .monaco-list-row.focused[aria-label^="replicas"]').waitFor();
    await atelier.page.keyboard.press('Enter');
    await until(async () => /^spec:\n {2}replicas: ?/m.test(await atelier.editorText()), 'replicas inserted under spec');
    await atelier.check('completion-inseree');
  });
});
