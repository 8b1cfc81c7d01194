/**
 * A chapter's walkthrough in a real VS Code: it opens, and one of its steps ticks itself
 * once the learner's exercise is applied to the simulated cluster.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { atelierSession } from './support/atelier';
import { until } from './support/poll';
import { ROOT } from './support/run';

/**
 * The walkthrough and step this test follows, as `<walkthrough>/<step>` (a folder of
 * walkthroughs/ and the id of one of its steps that has a check): by default the first step
 * of the chapter "Concepts de base", as issue 9 asks; ATELIER_E2E_STEP=bienvenue/premier-manifeste
 * follows another. Titles, files and commands are read from that walkthrough.json.
 */
const FOLLOWED_STEP = process.env.ATELIER_E2E_STEP ?? 'ressources/pod';

const EXTENSION_ID = 'atelier-kubernetes.atelier-kubernetes';

interface Actions {
  files?: string[];
  commands?: string[];
}
interface Step {
  id: string;
  title: string;
  check?: unknown;
  setup?: Actions;
  solution?: Actions;
}
interface WalkthroughFile {
  title: string;
  steps: Step[];
}

const [walkthroughId = '', stepId = ''] = FOLLOWED_STEP.split('/');
const folder = path.join(ROOT, 'walkthroughs', walkthroughId);
const walkthrough = JSON.parse(readFileSync(path.join(folder, 'walkthrough.json'), 'utf8')) as WalkthroughFile;
const step = walkthrough.steps.find((s) => s.id === stepId);

describe(`Parcours « ${walkthrough.title} »`, function () {
  const session = atelierSession();

  it(`coche tout seul l'étape « ${step?.title ?? stepId} » une fois son exercice appliqué`, async function () {
    assert.ok(step?.check, `${FOLLOWED_STEP}: no such step with a check in ${path.relative(ROOT, folder)}/walkthrough.json`);
    const setup = step.setup ?? {};
    const solution = step.solution ?? {};
    // The learner's exercise, completed: the step's solution files (and what earlier steps left).
    const files = Object.fromEntries([...(setup.files ?? []), ...(solution.files ?? [])].map((file) => [path.basename(file), readFileSync(path.join(folder, file), 'utf8')]));
    // Simulated time at 10x: a solution's `advance` (30 simulated seconds by default) takes seconds.
    const atelier = await session.open(this, { files, settings: { 'atelierKubernetes.simulation.speed': 10 } });

    const apply = async ({ files: toApply = [], commands = [] }: Actions): Promise<void> => {
      for (const file of toApply) {
        await atelier.openFile(path.basename(file));
        await atelier.runCommand('Appliquer le fichier au cluster simulé');
        // kubectl's answer, prefixed with the file's name: `deployment.yaml : deployment.apps/web created`.
        await atelier.toast(`${path.basename(file)} :`).waitFor();
      }
      if (commands.length === 0) return;
      await atelier.runCommand('Ouvrir le terminal kubectl');
      for (const line of commands) {
        const prompts = ((await atelier.terminalText()).match(/^kubectl>/gm) ?? []).length;
        await atelier.page.keyboard.type(line);
        await atelier.page.keyboard.press('Enter');
        await until(async () => ((await atelier.terminalText()).match(/^kubectl>/gm) ?? []).length > prompts, `the answer to ${line}`);
      }
    };
    const openWalkthrough = async (): Promise<void> => {
      await atelier.runCommand('Welcome: Open Walkthrough...');
      await atelier.pick(walkthrough.title);
    };
    const checkbox = atelier.page.locator(`.getting-started-step[data-step-id="${EXTENSION_ID}#${walkthroughId}#${stepId}"] .codicon`).first();

    await apply(setup);
    await openWalkthrough();
    await checkbox.waitFor();
    await checkbox.scrollIntoViewIfNeeded();
    assert.match((await checkbox.getAttribute('class')) ?? '', /getting-started-step-unchecked/, 'the step is not done before its exercise is applied');
    await atelier.check('parcours-avant');

    await apply(solution);
    await openWalkthrough();
    await until(async () => /getting-started-step-checked/.test((await checkbox.getAttribute('class')) ?? ''), `the step ${stepId} ticked`);
    await checkbox.scrollIntoViewIfNeeded();
    await atelier.check('parcours-etape-cochee');
  });
});
