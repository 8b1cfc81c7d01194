import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { COMMAND_IDS, VIEW_IDS } from '../../client/src/commands/ids';
import { ROOT } from '../support/dist';

/** The part of the extension manifest these checks read. */
interface Manifest {
  name: string;
  displayName: string;
  main: string;
  engines: { vscode: string };
  categories: string[];
  bin: Record<string, string>;
  l10n: string;
  activationEvents: string[];
  contributes: {
    commands: Array<{ command: string; title: string; category: string }>;
    viewsContainers: { activitybar: Array<{ id: string; title: string; icon: string }> };
    views: Record<string, Array<{ id: string; name: string; icon?: string }>>;
    menus: Record<string, Array<{ command: string }>>;
    snippets: Array<{ language: string; path: string }>;
    walkthroughs: Array<{
      id: string;
      steps: Array<{ id: string; media: { markdown?: string; svg?: string; image?: string }; completionEvents?: string[] }>;
    }>;
  };
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as T;
const manifest = readJson<Manifest>('package.json');
const nls = readJson<Record<string, string>>('package.nls.json');
const nlsFr = readJson<Record<string, string>>('package.nls.fr.json');
const { contributes } = manifest;

/** The French text behind a `%key%` placeholder. */
const french = (placeholder: string): string | undefined => nlsFr[/^%(.+)%$/.exec(placeholder)?.[1] ?? ''];

/** Every `%key%` placeholder used anywhere in the manifest. */
function placeholders(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const match = /^%(.+)%$/.exec(value);
    if (match?.[1]) found.add(match[1]);
  } else if (Array.isArray(value)) {
    value.forEach((item) => placeholders(item, found));
  } else if (value && typeof value === 'object') {
    Object.values(value).forEach((item) => placeholders(item, found));
  }
  return found;
}

/** Major and minor of a version such as `^1.90.0`. */
const majorMinor = (version: string): [number, number] => {
  const [major = NaN, minor = NaN] = version.replace(/^[\^~]/, '').split('.').map(Number);
  return [major, minor];
};

describe('client: the extension manifest (package.json)', () => {
  it('identifies the extension as the issue asks', () => {
    assert.equal(manifest.name, 'atelier-kubernetes');
    assert.equal(french(manifest.displayName), 'Atelier Kubernetes');
    assert.equal(manifest.engines.vscode, '^1.90.0');
    assert.equal(manifest.main, './dist/client.js');
    assert.deepEqual([...manifest.categories].sort(), ['Education', 'Linters', 'Programming Languages', 'Snippets']);
    assert.deepEqual(manifest.bin, { atelier: 'dist/cli.js' });
  });

  it('uses a @types/vscode no newer than the oldest VS Code it claims to support', () => {
    const [minMajor, minMinor] = majorMinor(manifest.engines.vscode);
    const types = readJson<{ version: string }>('node_modules/@types/vscode/package.json').version;
    const [major, minor] = majorMinor(types);
    assert.ok(major < minMajor || (major === minMajor && minor <= minMinor), `@types/vscode ${types} is newer than ${manifest.engines.vscode}`);
  });

  it('has a French text for every %placeholder%, in both nls files, and no unused text', () => {
    const used = [...placeholders(manifest)].sort();
    assert.ok(used.length > 0);
    for (const key of used) {
      assert.ok(nls[key]?.trim(), `package.nls.json lacks ${key}`);
      assert.ok(nlsFr[key]?.trim(), `package.nls.fr.json lacks ${key}`);
    }
    assert.deepEqual(Object.keys(nls).sort(), used, 'package.nls.json has unused keys');
    assert.deepEqual(Object.keys(nlsFr).sort(), used, 'package.nls.fr.json has unused keys');
  });

  it('gives every contributed command a localised French title and the Atelier category', () => {
    for (const command of contributes.commands) {
      assert.match(command.title, /^%.+%$/, `${command.command} has a literal title`);
      assert.ok(french(command.title), `${command.command} has no French title`);
      assert.equal(french(command.category), 'Atelier Kubernetes');
    }
    const apply = contributes.commands.find((c) => c.command === COMMAND_IDS.applyFile);
    assert.equal(french(apply?.title ?? ''), 'Appliquer le fichier au cluster simulé');
  });

  it('contributes exactly the commands and views the client registers', () => {
    assert.deepEqual(contributes.commands.map((c) => c.command).sort(), Object.values(COMMAND_IDS).sort());
    const views = Object.values(contributes.views).flat();
    assert.deepEqual(views.map((v) => v.id).sort(), Object.values(VIEW_IDS).sort());
    const container = contributes.viewsContainers.activitybar.find((c) => c.id === 'atelierKubernetes');
    assert.equal(french(container?.title ?? ''), 'Atelier Kubernetes');
    assert.equal(french(contributes.views.atelierKubernetes?.[0]?.name ?? ''), 'Cluster simulé');
  });

  it('activates on YAML files and on its own views and commands', () => {
    const events = manifest.activationEvents;
    assert.ok(events.includes('onLanguage:yaml'));
    for (const view of Object.values(VIEW_IDS)) assert.ok(events.includes(`onView:${view}`), view);
    for (const command of Object.values(COMMAND_IDS)) assert.ok(events.includes(`onCommand:${command}`), command);
  });

  it('names in its menus only commands it contributes', () => {
    const ids = new Set(contributes.commands.map((c) => c.command));
    for (const [menu, items] of Object.entries(contributes.menus)) {
      for (const item of items) assert.ok(ids.has(item.command), `${menu}: ${item.command}`);
    }
  });

  it('names only files that exist', () => {
    const files = [
      manifest.main,
      ...Object.values(manifest.bin),
      manifest.l10n,
      ...contributes.viewsContainers.activitybar.map((c) => c.icon),
      ...Object.values(contributes.views).flatMap((views) => views.flatMap((v) => (v.icon ? [v.icon] : []))),
      ...contributes.snippets.map((s) => s.path),
      ...contributes.walkthroughs.flatMap((w) => w.steps.flatMap((s) => [s.media.markdown, s.media.svg, s.media.image])),
    ].filter((file): file is string => typeof file === 'string');
    assert.ok(files.length >= 7);
    for (const file of files) assert.ok(existsSync(path.join(ROOT, file)), `${file} is named by package.json but missing`);
  });

  it('has walkthroughs whose steps each show something and can complete', () => {
    assert.ok(contributes.walkthroughs.length >= 1);
    for (const walkthrough of contributes.walkthroughs) {
      assert.ok(walkthrough.steps.length >= 1, walkthrough.id);
      for (const step of walkthrough.steps) {
        assert.ok(step.media.markdown ?? step.media.svg ?? step.media.image, `${walkthrough.id}/${step.id} shows nothing`);
        assert.ok(step.completionEvents?.length, `${walkthrough.id}/${step.id} can never complete`);
      }
    }
  });
});
