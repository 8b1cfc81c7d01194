/**
 * Seeded mutations of YAML manifests for the fuzz test (test/server/fuzz.test.ts): the
 * mistakes people make while typing (lines lost, doubled or swapped, indentation off by
 * one, tabs, stray characters, a file cut short) and the inputs written to hurt a parser
 * (alias bombs, deep nesting, huge scalars). The same seed gives the same texts.
 */
import type { Random } from '../../simulator/src/random';

export type Mutation = (text: string, random: Random) => string;

const pick = <T>(random: Random, items: readonly T[]): T => items[random.int(items.length)]!;
const lines = (text: string) => text.split('\n');
const lineIndex = (random: Random, all: string[]) => random.int(Math.max(1, all.length));

const STRAY = [':', '-', '- ', '? ', '{', '}', '[', ']', ',', '&', '*', '!', '|', '>', '%', '@', '`', '"', "'", '#', '\t', '\\', '\u00a0', '\ufeff', 'é', '💥', '\r', '\0', '---', '...', '<<: *x'];

const deleteLine: Mutation = (text, random) => {
  const all = lines(text);
  all.splice(lineIndex(random, all), 1 + random.int(3));
  return all.join('\n');
};

const duplicateLine: Mutation = (text, random) => {
  const all = lines(text);
  const i = lineIndex(random, all);
  all.splice(i, 0, ...all.slice(i, i + 1 + random.int(3)));
  return all.join('\n');
};

const swapLines: Mutation = (text, random) => {
  const all = lines(text);
  const [i, j] = [lineIndex(random, all), lineIndex(random, all)];
  [all[i], all[j]] = [all[j]!, all[i]!];
  return all.join('\n');
};

const reindent: Mutation = (text, random) => {
  const all = lines(text);
  const i = lineIndex(random, all);
  const shift = random.int(9) - 4;
  all[i] = shift >= 0 ? ' '.repeat(shift) + all[i]! : all[i]!.replace(new RegExp(`^ {0,${-shift}}`), '');
  return all.join('\n');
};

const insertTab: Mutation = (text, random) => {
  const all = lines(text);
  const i = lineIndex(random, all);
  all[i] = random.int(2) ? `\t${all[i]!}` : all[i]!.replace(/^( *)/, (spaces) => '\t'.repeat(Math.ceil(spaces.length / 2)));
  return all.join('\n');
};

const randomCharacters: Mutation = (text, random) => {
  let out = text;
  for (let n = 1 + random.int(5); n > 0; n--) {
    const at = random.int(out.length + 1);
    const insert = random.int(3) ? pick(random, STRAY) : String.fromCharCode(random.int(0x3000));
    const remove = random.int(3) === 0 ? random.int(4) : 0;
    out = out.slice(0, at) + insert + out.slice(at + remove);
  }
  return out;
};

const truncate: Mutation = (text, random) => text.slice(0, random.int(text.length + 1));

/** Anchors and aliases: a reference to a node, a merge key, or a billion-laughs bomb. */
const aliases: Mutation = (text, random) => {
  switch (random.int(3)) {
    case 0: {
      const all = lines(text);
      const i = lineIndex(random, all);
      all[i] = all[i]!.replace(/:(\s*)$/, ': &a$1').replace(/: (\S)/, ': &a $1');
      all.splice(lineIndex(random, all), 0, `${' '.repeat(2 * random.int(4))}ref: *a`);
      return all.join('\n');
    }
    case 1:
      return `${text}\n---\nbase: &base { apiVersion: v1, kind: ConfigMap }\nobj:\n  <<: *base\n  metadata: { name: *base }\n`;
    default: {
      const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
      for (let l = 1; l < 9; l++) {
        const previous = String.fromCharCode(96 + l);
        levels.push(`${String.fromCharCode(97 + l)}: &${String.fromCharCode(97 + l)} [${Array(9).fill(`*${previous}`).join(',')}]`);
      }
      return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\n${levels.join('\n')}\n---\n${text}`;
    }
  }
};

/** Hundreds of levels of block maps, flow sequences or flow maps. */
const deepNesting: Mutation = (text, random) => {
  const depth = 50 + random.int(950);
  const kind = random.int(3);
  const nested =
    kind === 0
      ? Array.from({ length: Math.min(depth, 300) }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')
      : kind === 1
        ? `deep: ${'['.repeat(depth)}${']'.repeat(random.int(2) ? depth : depth >> 1)}`
        : `deep: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`;
  const all = lines(text);
  all.splice(lineIndex(random, all), 0, nested);
  return all.join('\n');
};

/** A scalar of up to 200,000 characters, plain, quoted or block. */
const hugeScalar: Mutation = (text, random) => {
  const size = 10_000 + random.int(190_000);
  const body = 'x'.repeat(size);
  const value = pick(random, [body, `"${body}"`, `|\n${`    ${'y'.repeat(80)}\n`.repeat(Math.ceil(size / 85))}`]);
  const all = lines(text);
  all.splice(lineIndex(random, all), 0, `  huge: ${value}`);
  return all.join('\n');
};

const documentMarkers: Mutation = (text, random) => {
  const all = lines(text);
  const i = lineIndex(random, all);
  if (all[i] === '---') all.splice(i, 1);
  else all.splice(i, 0, pick(random, ['---', '--- !!map', '...', '%YAML 1.2', '--- |']));
  return all.join('\n');
};

const lineEndings: Mutation = (text, random) => (random.int(2) ? text.replace(/\n/g, '\r\n') : `\ufeff${text}`);

export const MUTATIONS: Record<string, Mutation> = {
  deleteLine,
  duplicateLine,
  swapLines,
  reindent,
  insertTab,
  randomCharacters,
  truncate,
  aliases,
  deepNesting,
  hugeScalar,
  documentMarkers,
  lineEndings,
};

// Typing mistakes are common, parser attacks rare (and slower): weights say how often each is drawn.
const WEIGHTS: Record<string, number> = {
  deleteLine: 4,
  duplicateLine: 4,
  swapLines: 3,
  reindent: 5,
  insertTab: 2,
  randomCharacters: 6,
  truncate: 2,
  aliases: 2,
  deepNesting: 1,
  hugeScalar: 1,
  documentMarkers: 2,
  lineEndings: 1,
};
const BAG = Object.entries(WEIGHTS).flatMap(([name, weight]) => Array<string>(weight).fill(name));

/** Applies one to three mutations drawn from `random`; returns the text and their names. */
export function mutate(text: string, random: Random): { text: string; applied: string[] } {
  const applied: string[] = [];
  let out = text;
  for (let n = 1 + random.int(3); n > 0; n--) {
    const name = pick(random, BAG);
    applied.push(name);
    out = MUTATIONS[name]!(out, random);
  }
  return { text: out, applied };
}
