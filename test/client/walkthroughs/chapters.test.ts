import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { CHAPTERS } from '../../../simulator/src/api/chapters';
import { commandLinks, type Chapter } from '../../../client/src/walkthroughs/chapter';
import { checkProblems, evaluate } from '../../../client/src/walkthroughs/checks';
import { COMMAND_IDS } from '../../../client/src/commands/ids';
import { CourseSession } from '../../support/course';
import { ROOT } from '../../support/dist';

const FOLDER = path.join(ROOT, 'walkthroughs');
const chapters = ['bienvenue', ...CHAPTERS.map((c) => c.id)]
  .filter((id) => existsSync(path.join(FOLDER, id, 'walkthrough.json')))
  .map((id) => ({ id, data: JSON.parse(readFileSync(path.join(FOLDER, id, 'walkthrough.json'), 'utf8')) as Chapter }));

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
/** Commands a button may run: the Atelier's, and VS Code's own that the course uses. */
const KNOWN_COMMANDS = new Set([
  ...pkg.contributes.commands.map((c) => c.command),
  ...Object.values(COMMAND_IDS),
  'workbench.action.files.newUntitledFile',
  'workbench.action.openWalkthrough',
  'workbench.action.terminal.new',
  'workbench.view.explorer',
]);
/** Buttons whose first argument is a path of the walkthroughs folder. */
const PATH_COMMANDS = new Set([COMMAND_IDS.openExercise, COMMAND_IDS.openSolution]);

const exists = (file: string): boolean => existsSync(file) && (statSync(file).isFile() || statSync(file).isDirectory());

describe('walkthroughs: one self-checking walkthrough per chapter', function () {
  this.timeout(120_000);

  it('package.json, the nls files and checks.json are generated from the chapter folders', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'generate-walkthroughs.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  });

  it('every chapter of the course has its walkthrough', () => {
    const missing = CHAPTERS.filter((c) => !chapters.some((w) => w.id === c.id)).map((c) => c.id);
    assert.deepEqual(missing, []);
  });

  for (const { id, data } of chapters) {
    describe(`walkthrough ${id}`, () => {
      const folder = path.join(FOLDER, id);

      it('has 4 to 10 steps with unique ids, each with its media, files and a way to complete', () => {
        if (id !== 'bienvenue') assert.ok(data.steps.length >= 4 && data.steps.length <= 10, `${data.steps.length} steps`);
        assert.equal(new Set(data.steps.map((s) => s.id)).size, data.steps.length);
        for (const step of data.steps) {
          const where = `${id}/${step.id}`;
          assert.ok(exists(path.join(folder, step.media)), `${where}: media ${step.media}`);
          if (step.media.endsWith('.svg')) assert.ok(step.altText, `${where}: an SVG needs altText`);
          assert.ok(step.check || step.completionEvents?.length, `${where}: no check and no completionEvents`);
          if (step.check) {
            assert.deepEqual(checkProblems(step.check, where), []);
            assert.ok(step.solution, `${where}: a checked step has a solution`);
          }
          for (const file of [step.exercise, ...(step.solution?.files ?? []), ...(step.setup?.files ?? [])]) {
            if (file) assert.ok(exists(path.join(folder, file)), `${where}: ${file} not found`);
          }
          if (step.exercise) {
            const lesson = readFileSync(path.join(folder, step.media.endsWith('.md') ? step.media : ''), 'utf8');
            assert.match(lesson, /^#+ Indices?\b/m, `${where}: the lesson of an exercise gives hints (a heading "Indices")`);
          }
        }
      });

      it('buttons run commands that exist, on files that exist', () => {
        for (const step of data.steps) {
          for (const link of commandLinks(step.description)) {
            assert.ok(KNOWN_COMMANDS.has(link.id), `${id}/${step.id}: unknown command ${link.id}`);
            assert.notEqual(link.args, Symbol.for('invalid JSON'), `${id}/${step.id}: arguments of ${link.id} are not JSON`);
            if (PATH_COMMANDS.has(link.id as never)) {
              const target = (link.args as string[])[0]!;
              assert.ok(exists(path.join(FOLDER, target)), `${id}/${step.id}: ${link.id} on ${target}, which does not exist`);
            }
          }
        }
      });

      it('Markdown lessons link only to files that exist', () => {
        for (const file of readdirSync(folder).filter((f) => f.endsWith('.md'))) {
          const text = readFileSync(path.join(folder, file), 'utf8');
          for (const m of text.matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)) {
            const target = m[1]!;
            if (/^(https?:|command:|#)/.test(target)) continue;
            assert.ok(exists(path.join(folder, target)), `${id}/${file}: link to ${target}`);
          }
        }
      });

      for (const step of data.steps.filter((s) => s.check)) {
        it(`step ${step.id}: its solution ticks it, the unfilled exercise does not`, () => {
          const solved = new CourseSession(folder);
          solved.run(step.setup);
          const failed = solved.run(step.solution);
          assert.deepEqual(failed, [], `the solution should run cleanly:\n${solved.transcript()}`);
          assert.ok(evaluate(step.check!, solved.cluster()), `the solution does not pass the check:\n${solved.transcript()}`);

          const unsolved = new CourseSession(folder);
          unsolved.run(step.setup);
          unsolved.run(step.exercise && !step.exercise.endsWith('/') && statSync(path.join(folder, step.exercise)).isFile() && /\.ya?ml$/.test(step.exercise) ? { files: [step.exercise], advance: step.solution?.advance } : { advance: step.solution?.advance });
          assert.ok(!evaluate(step.check!, unsolved.cluster()), `the check passes without the solution:\n${unsolved.transcript()}`);
        });
      }
    });
  }
});
