#!/usr/bin/env node
/**
 * Builds the walkthroughs VS Code shows from the course's chapter folders.
 *
 * Each walkthroughs/<id>/walkthrough.json (format: client/src/walkthroughs/chapter.ts) is
 * the one source of a walkthrough: its texts, media, buttons, exercises and the check that
 * ticks each step. From them this script writes
 *   - package.json contributes.walkthroughs (VS Code reads walkthroughs only from there),
 *   - their strings in package.nls.json and package.nls.fr.json (`walkthrough.*` keys),
 *   - walkthroughs/checks.json, the steps' checks the client evaluates.
 * `--check` writes nothing and fails when a generated file is out of date (the test runs it).
 *
 * Order: `bienvenue` first, then the chapters in the order of simulator/src/api/chapters.ts.
 * Command links may carry their arguments as plain JSON, `command:x?["a/b.yaml"]` or `?{…}`; they are
 * URL-encoded here, as VS Code's Markdown wants them.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const FOLDER = join(ROOT, 'walkthroughs');
const EXTENSION_ID = 'atelier-kubernetes.atelier-kubernetes';

/** Chapter ids in course order, read from the simulator's list (the one source). */
function chapterOrder() {
  const text = readFileSync(join(ROOT, 'simulator', 'src', 'api', 'chapters.ts'), 'utf8');
  return ['bienvenue', ...[...text.matchAll(/\{ id: '([a-z-]+)'/g)].map((m) => m[1])];
}

const camel = (id) => id.replace(/-([a-z0-9])/g, (_m, c) => c.toUpperCase());

/** `command:x?[...]` with plain JSON arguments -> URL-encoded, as VS Code's Markdown wants. */
export function encodeCommandLinks(markdown) {
  return markdown.replace(/\(command:([A-Za-z0-9_.-]+)\?([[{].*?[\]}])\)(?=\s|$)/gm, (_m, id, args) => `(command:${id}?${encodeURIComponent(args)})`);
}

/** The chapters found, in course order, each with its parsed walkthrough.json. */
export function readChapters() {
  const order = chapterOrder();
  const present = readdirSync(FOLDER, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(FOLDER, entry.name, 'walkthrough.json')))
    .map((entry) => entry.name);
  const unknown = present.filter((id) => !order.includes(id));
  if (unknown.length > 0) throw new Error(`walkthroughs/${unknown[0]}: not a chapter id of simulator/src/api/chapters.ts`);
  return order
    .filter((id) => present.includes(id))
    .map((id) => ({ id, data: JSON.parse(readFileSync(join(FOLDER, id, 'walkthrough.json'), 'utf8')) }));
}

function stepEntry(chapter, step, strings) {
  const base = `walkthrough.${camel(chapter)}.${camel(step.id)}`;
  strings[`${base}.title`] = step.title;
  strings[`${base}.description`] = encodeCommandLinks(step.description);
  const mediaPath = `walkthroughs/${chapter}/${step.media}`;
  if (!existsSync(join(ROOT, mediaPath))) throw new Error(`${chapter}/${step.id}: media ${step.media} not found`);
  let media;
  if (step.media.endsWith('.md')) media = { markdown: mediaPath };
  else {
    if (typeof step.altText !== 'string') throw new Error(`${chapter}/${step.id}: an image media needs altText`);
    strings[`${base}.altText`] = step.altText;
    // `svg` (not `image`): VS Code inlines it, so its var(--vscode-*) colours follow the theme.
    media = step.media.endsWith('.svg') ? { svg: mediaPath, altText: `%${base}.altText%` } : { image: mediaPath, altText: `%${base}.altText%` };
  }
  const completionEvents = step.check ? [`onContext:atelierKubernetes.step.${chapter}.${step.id}`] : step.completionEvents;
  if (!Array.isArray(completionEvents) || completionEvents.length === 0) throw new Error(`${chapter}/${step.id}: a step without check needs completionEvents`);
  return { id: step.id, title: `%${base}.title%`, description: `%${base}.description%`, media, completionEvents };
}

/** The generated texts: path (relative to the root) -> content. */
export function generate() {
  const chapters = readChapters();
  const strings = {};
  const checks = {
    $comment:
      "Généré par scripts/generate-walkthroughs.mjs à partir de walkthroughs/*/walkthrough.json : ne pas modifier à la main. Chaque vérification devient la clé de contexte atelierKubernetes.step.<parcours>.<étape>, qu'attend l'événement onContext: de l'étape.",
  };
  const walkthroughs = chapters.map(({ id, data }) => {
    const base = `walkthrough.${camel(id)}`;
    strings[`${base}.title`] = data.title;
    strings[`${base}.description`] = data.description;
    const ids = new Set();
    const steps = data.steps.map((step) => {
      if (ids.has(step.id)) throw new Error(`${id}: step id ${step.id} repeated`);
      ids.add(step.id);
      if (step.check) (checks[id] ??= {})[step.id] = step.check;
      return stepEntry(id, step, strings);
    });
    return { id, title: `%${base}.title%`, description: `%${base}.description%`, steps };
  });
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  pkg.contributes.walkthroughs = walkthroughs;
  const out = {
    'package.json': `${JSON.stringify(pkg, null, 2)}\n`,
    'walkthroughs/checks.json': `${JSON.stringify(checks, null, 2)}\n`,
  };
  for (const file of ['package.nls.json', 'package.nls.fr.json']) {
    const nls = JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
    const kept = Object.fromEntries(Object.entries(nls).filter(([key]) => !key.startsWith('walkthrough.')));
    out[file] = `${JSON.stringify({ ...kept, ...strings }, null, 2)}\n`;
  }
  return out;
}

export { EXTENSION_ID };

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const check = process.argv.includes('--check');
  const stale = [];
  for (const [file, text] of Object.entries(generate())) {
    const path = join(ROOT, file);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
    if (current === text) continue;
    stale.push(file);
    if (!check) writeFileSync(path, text);
  }
  if (check && stale.length > 0) {
    console.error(`Out of date (run node scripts/generate-walkthroughs.mjs): ${stale.join(', ')}`);
    process.exit(1);
  }
  console.log(check ? 'walkthroughs: up to date' : stale.length ? `walkthroughs: wrote ${stale.join(', ')}` : 'walkthroughs: nothing to change');
}
