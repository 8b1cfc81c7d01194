/**
 * The stages of a build, step by step as BuildKit's plain progress shows them: the FROM
 * (resolved, its layers fetched the first time), the build context (only the files COPY
 * and ADD use), then RUN, COPY, ADD and WORKDIR with their `[2/4]` labels, CACHED when the
 * same step on the same files was done before. Then the image's configuration: its base's,
 * with what the Dockerfile set (dockerfileConfig.ts) over it.
 */
import { between, fnv32, hexDigits } from '../kubelet/hash';
import { pull } from '../kubelet/images';
import { parseReference } from '../kubelet/reference';
import type { BuildRequest } from './build';
import { inStage, runCommand, stageFiles, type StageState } from './buildSteps';
import { contextFromFiles, copyFiles, type BuildContext, type CopyOutcome } from './context';
import { expandWords, imageConfig, type Dockerfile, type ImageConfig, type Instruction, type Stage } from './dockerfile';
import type { DockerEngine } from './engine';
import { humanSize, seconds, utf8Length } from './format';
import { catalogueOf, type RunConfig } from './images';
import { vertexReport, type PlainProgress, type Vertex } from './progress';

interface StepsInput {
  engine: DockerEngine;
  df: Dockerfile;
  all: Stage[];
  needed: Set<Stage>;
  /** Each needed stage's start: an earlier stage, or a base image's state. */
  starts: Map<Stage, StageState | Stage>;
  progress: PlainProgress;
  request: BuildRequest;
  ignored: (path: string) => boolean;
  block: (line: number, endLine?: number) => string;
}

export type StepsOutcome = { ok: true; states: Map<Stage, StageState>; config: RunConfig } | { ok: false; message: string; report: string };

const STEPS = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR']);
const chain = (key: string, ...parts: string[]): string => hexDigits(`${key}\n${parts.join('\n')}`, 32);

/** The instruction as BuildKit names its step: as written, continuation lines joined. */
function display(instruction: Instruction): string {
  const word = /^\S+/.exec(instruction.original)?.[0] ?? instruction.keyword;
  const flags = Object.entries(instruction.flags).map(([name, value]) => (value === '' ? `--${name} ` : `--${name}=${value} `));
  return `${word} ${flags.join('')}${instruction.args}`;
}

/** The Dockerfile's configuration up to (not including) `instruction`, or to the end of `stage`. */
function configBefore(df: Dockerfile, index: number, buildArgs: BuildRequest['buildArgs']): ImageConfig {
  return imageConfig({ ...df, instructions: df.instructions.slice(0, index) }, buildArgs);
}

/** The base's configuration with the Dockerfile's over it (undefined fields are inherited). */
export function mergeConfig(base: RunConfig, own: ImageConfig): RunConfig {
  const merged: RunConfig = {
    entrypoint: own.entrypoint ?? base.entrypoint,
    cmd: own.cmd ?? base.cmd,
    env: { ...base.env, ...own.env },
    exposedPorts: [...new Set([...base.exposedPorts, ...own.exposedPorts])],
    labels: { ...base.labels, ...own.labels },
  };
  const workdir = own.workdir ?? base.workdir;
  const user = own.user ?? base.user;
  if (workdir !== undefined) merged.workdir = workdir;
  if (user !== undefined) merged.user = user;
  return merged;
}

/** What a registry base's first fetch prints: its layers, downloaded then extracted. */
function fetchLayers(vertex: Vertex, root: string): number {
  const parsed = parseReference(root);
  const outcome = parsed.ok ? pull(parsed.reference) : undefined;
  const size = outcome?.ok ? outcome.pulled.sizeBytes : 0;
  const count = size < 5_000_000 ? 1 : size < 50_000_000 ? 3 : 5;
  let left = size;
  let total = 0;
  const layers: { digest: string; size: number }[] = [];
  for (let i = 0; i < count; i++) {
    const layer = i === count - 1 ? left : Math.round(left * (0.35 + between(`${root}:layer:${i}`, 0, 30) / 100));
    left -= layer;
    layers.push({ digest: `sha256:${hexDigits(`${root}:layer:${i}`)}`, size: layer });
  }
  for (const layer of layers) {
    const ms = 150 + Math.round(layer.size / 25_000);
    total = Math.max(total, ms);
    vertex.log(`${layer.digest} ${humanSize(layer.size)} / ${humanSize(layer.size)} ${seconds(ms)} done`);
  }
  for (const layer of layers) {
    const ms = 50 + Math.round(layer.size / 60_000);
    total += ms;
    vertex.log(`extracting ${layer.digest} ${seconds(ms)} done`);
  }
  return total + 120;
}

/** Runs the needed stages in order; their final states and the target's configuration. */
export function runSteps(input: StepsInput): StepsOutcome {
  const { engine, df, all, needed, starts, progress, request, ignored, block } = input;
  const noCache = request.noCache === true;
  const multi = all.length > 1;
  const states = new Map<Stage, StageState>();
  let contextLoaded = false;
  let now = engine.clock.now();
  const loadContext = (): void => {
    if (contextLoaded) return;
    contextLoaded = true;
    let bytes = 0;
    const seen = new Set<string>();
    for (const stage of all.filter((s) => needed.has(s))) {
      for (const instruction of stage.instructions) {
        if ((instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') || instruction.flags.from !== undefined) continue;
        const words = instruction.exec ?? instruction.args.split(/\s+/);
        const copied = copyFiles(request.context, words.slice(0, -1).filter((w) => !/^https?:\/\//.test(w)), '/', ignored);
        for (const [path, text] of copied.ok ? copied.read : []) if (!seen.has(path) && seen.add(path)) bytes += utf8Length(text);
      }
    }
    const vertex = progress.vertex('[internal] load build context');
    vertex.log(`transferring context: ${humanSize(bytes)} done`);
    vertex.done(between(`context:${bytes}`, 0, 60));
  };

  for (const stage of all.filter((s) => needed.has(s))) {
    const start = starts.get(stage)!;
    const from = 'root' in start ? start : states.get(start)!;
    const state: StageState = { root: from.root, base: from.base, files: { ...from.files }, key: from.key };
    const steps = stage.instructions.filter((instruction) => STEPS.has(instruction.keyword));
    const label = (n: number) => `[${multi ? `${stage.name ?? `stage-${stage.index}`} ` : ''}${n}/${steps.length + 1}]`;
    if ('root' in start && state.root !== '') {
      const parsed = parseReference(stage.base);
      const normalized = parsed.ok ? parsed.reference.normalized : stage.base;
      const local = engine.imageNamed(normalized);
      const digest = local ? '' : `@${state.key.split('@')[1] ?? ''}`;
      const vertex = progress.vertex(`${label(1)} FROM ${normalized}${digest}`);
      if (local) vertex.done(between(`from:${state.key}`, 0, 30));
      else {
        const fetched = engine.cached(`fetched:${state.root}`);
        vertex.log(`resolve ${normalized}${digest} ${fetched ? '' : '0.0s '}done`);
        const ms = fetched ? between(`from:${state.key}`, 0, 40) : fetchLayers(vertex, state.root);
        engine.remember(`fetched:${state.root}`);
        vertex.done(ms);
      }
    }
    for (const [n, instruction] of steps.entries()) {
      const name = `${label(n + 2)} ${display(instruction)}`;
      const index = df.instructions.indexOf(instruction);
      const before = configBefore(df, index, request.buildArgs);
      const env = { ...state.base.env, ...before.env };
      const workdir = before.workdir ?? state.base.workdir;
      const lines = () => block(instruction.line + 1, instruction.line + 1 + (instruction.original.split('\n').length - 1));
      let key = chain(state.key, instruction.original);
      if (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') {
        const words = instruction.exec ?? expandWords(instruction.args, env, df.escape);
        const dest = inStage(words.at(-1) ?? '.', workdir);
        const sources = words.slice(0, -1);
        const urls = instruction.keyword === 'ADD' ? sources.filter((w) => /^https?:\/\//.test(w)) : [];
        const fromRef = instruction.flags.from;
        let source: BuildContext = request.context;
        let ref = hexDigits(`context:${instruction.line}`, 25);
        if (fromRef !== undefined) {
          const other = all.find((s) => s.index < stage.index && (s.name === fromRef.toLowerCase() || String(s.index) === fromRef));
          const parsed = parseReference(fromRef);
          const image = other || !parsed.ok ? undefined : catalogueOf(parsed.reference.normalized);
          const files = other ? stageFiles(states.get(other)!) : (image?.info.files ?? {});
          source = contextFromFiles(files);
          ref = hexDigits(`stage:${fromRef}`, 25);
        } else if (sources.length > urls.length) {
          loadContext();
        }
        const plain = sources.filter((w) => !urls.includes(w));
        const copied: CopyOutcome = plain.length === 0 ? { ok: true, files: {}, read: [] } : copyFiles(source, plain, dest, fromRef === undefined ? ignored : () => false);
        const vertex = progress.vertex(name);
        if (!copied.ok) {
          const why = `failed to calculate checksum of ref ${ref}::${hexDigits(`${ref}:ref`, 25)}: "${copied.missing}": not found`;
          vertex.error(why);
          return { ok: false, message: `failed to compute cache key: ${why}`, report: `${vertexReport(vertex)}${lines()}` };
        }
        const files = { ...copied.files };
        for (const url of urls) files[dest.endsWith('/') ? `${dest}${url.split('/').pop() || 'index.html'}` : dest] = '';
        key = chain(key, String(fnv32(JSON.stringify(files))));
        if (!noCache && engine.cached(key)) vertex.cached();
        else vertex.done(between(`${key}:copy`, 30, 250));
        state.files = { ...state.files, ...files };
      } else if (instruction.keyword === 'RUN') {
        const argv = instruction.exec ?? [...before.shell, instruction.args];
        const ran = runCommand(state, argv, env, workdir, now);
        const vertex = progress.vertex(name);
        const cached = !noCache && ran.ok && engine.cached(key);
        if (!cached) for (const line of ran.lines) vertex.output(line.offsetMs, line.text);
        if (!ran.ok) {
          vertex.error(ran.message);
          return { ok: false, message: ran.message, report: `${vertexReport(vertex)}${lines()}` };
        }
        if (cached) vertex.cached();
        else vertex.done(ran.ms);
        now += ran.ms;
        state.files = { ...state.files, ...ran.files };
      } else {
        const vertex = progress.vertex(name);
        if (!noCache && engine.cached(key)) vertex.cached();
        else vertex.done(between(`${key}:workdir`, 10, 60));
      }
      engine.remember(key);
      state.key = key;
    }
    states.set(stage, state);
  }
  const target = [...needed].sort((a, b) => b.index - a.index)[0]!;
  const last = target.instructions.at(-1) ?? target.from;
  const own = configBefore(df, df.instructions.indexOf(last) + 1, request.buildArgs);
  // The configuration starts from the image at the root of the target's FROM chain.
  let root: Stage = target;
  while (!('root' in starts.get(root)!)) root = starts.get(root) as Stage;
  return { ok: true, states, config: mergeConfig((starts.get(root) as StageState).base, own) };
}
