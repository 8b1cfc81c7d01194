/**
 * `docker build`: BuildKit (the default builder since Docker 23) reading a Dockerfile and
 * its context, printed as its plain progress. Bases come from the simulator's catalogue
 * (an unknown one fails as the registry answers) or from images built before; COPY/ADD
 * take context files, RUN runs in the simulated shell, steps already done are CACHED. The
 * image keeps its base's programs with the configuration the Dockerfile sets (CMD,
 * ENTRYPOINT, EXPOSE, ENV, WORKDIR), and its name from -t.
 */
import { fnv32, hexDigits, between } from '../kubelet/hash';
import { pull } from '../kubelet/images';
import { parseReference } from '../kubelet/reference';
import { runSteps } from './buildRun';
import { parseDockerfile, stages, type Stage } from './dockerfile';
import type { BuildContext } from './context';
import { ignoreMatcher } from './context';
import type { DockerEngine } from './engine';
import { humanSize, utf8Length } from './format';
import { catalogueConfig, catalogueOf, configOf, registrySize, resolveError } from './images';
import { PlainProgress, sourceBlock, vertexReport } from './progress';
import { failed, type DockerResult } from './result';
import type { StageState } from './buildSteps';

export interface BuildRequest {
  /** The -t references as written. */
  tags: readonly string[];
  /** The Dockerfile's name as printed (`Dockerfile`, or what -f named). */
  fileName: string;
  /** Its text; undefined when there is no such file. */
  dockerfile: string | undefined;
  context: BuildContext;
  buildArgs: Readonly<Record<string, string>>;
  noCache?: boolean;
  /** -q: only the image ID is printed. */
  quiet?: boolean;
  /** --target: the stage to build (default the last). */
  target?: string;
}

const KEYWORDS = ['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR'];


/** Mirrors BuildKit's suggest.Search: a known instruction within two edits, in lower case. */
function suggestion(word: string): string {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let score = 3;
  for (const keyword of KEYWORDS.map((k) => k.toLowerCase())) {
    const d = editDistance(lower, keyword);
    if (d < score) {
      score = d;
      best = keyword;
    }
  }
  return best ? ` (did you mean ${best}?)` : '';
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/** The stages the target needs: itself, the stages it is built FROM and those it copies from. */
function neededStages(all: Stage[], target: Stage): Set<Stage> {
  const needed = new Set<Stage>();
  const visit = (stage: Stage) => {
    if (needed.has(stage)) return;
    needed.add(stage);
    const refs = [stage.base, ...stage.instructions.filter((i) => i.flags.from !== undefined).map((i) => i.flags.from!)];
    for (const ref of refs) {
      const named = all.find((s) => s.index < stage.index && (s.name === ref.toLowerCase() || String(s.index) === ref));
      if (named) visit(named);
    }
  };
  visit(target);
  return needed;
}

/** Builds an image; what BuildKit prints goes to stderr (stdout gets the ID with -q). */
export function build(engine: DockerEngine, request: BuildRequest): DockerResult {
  const tags: string[] = [];
  for (const tag of request.tags) {
    const parsed = parseReference(tag);
    if (!parsed.ok || parsed.reference.digest) return failed(`ERROR: invalid tag "${tag}": ${parsed.ok ? 'invalid reference format' : parsed.error}\n`);
    tags.push(parsed.reference.normalized);
  }
  const progress = new PlainProgress();
  // Mirrors buildx: the failed step's report and the Dockerfile's lines, then the error.
  const fail = (message: string, report = ''): DockerResult => failed(`${report}ERROR: failed to solve: ${message}\n`, 1, progress.toString());
  progress.start();
  const definition = progress.vertex(`[internal] load build definition from ${request.fileName}`);
  const text = request.dockerfile;
  definition.log(`transferring dockerfile: ${humanSize(utf8Length(text ?? '  '))} done`);
  definition.done(text === undefined ? 0 : between(`dockerfile:${fnv32(text ?? '')}`, 10, 60));
  if (text === undefined) return fail(`failed to read dockerfile: open ${request.fileName}: no such file or directory`);
  const df = parseDockerfile(text);
  const block = (line: number, endLine = line) => sourceBlock(request.fileName, text, line, endLine);
  if (df.instructions.length === 0) return fail('file with no instructions');
  for (const instruction of df.instructions) {
    if (!KEYWORDS.includes(instruction.keyword)) {
      const word = /^\S+/.exec(instruction.original)![0];
      return fail(`dockerfile parse error on line ${instruction.line + 1}: unknown instruction: ${word}${suggestion(word)}`, block(instruction.line + 1));
    }
  }
  if (df.instructions.find((i) => i.keyword !== 'ARG')?.keyword !== 'FROM') return fail('no build stage in current context');
  const all = stages(df, request.buildArgs);
  const target = request.target === undefined ? all.at(-1)! : all.find((stage) => stage.name === request.target!.toLowerCase());
  if (!target) return fail(`target stage "${request.target}" could not be found`);
  const needed = neededStages(all, target);

  // The bases: stages, scratch, local images, registry images (their metadata first).
  const starts = new Map<Stage, StageState | Stage>();
  const metadata = new Map<string, StageState>();
  for (const stage of all.filter((s) => needed.has(s))) {
    const earlier = all.find((s) => s.index < stage.index && s.name === stage.base.toLowerCase());
    if (earlier) {
      starts.set(stage, earlier);
      continue;
    }
    if (stage.base === 'scratch') {
      starts.set(stage, { root: '', base: { entrypoint: [], cmd: [], env: {}, exposedPorts: [], labels: {} }, files: {}, key: 'scratch' });
      continue;
    }
    const parsed = parseReference(stage.base);
    const line = stage.from.line + 1;
    if (!parsed.ok) return fail(`failed to parse stage name "${stage.base}": invalid reference format${parsed.error === 'invalid reference format' ? '' : `: repository name (${stage.base.includes('/') ? stage.base.split(':')[0] : `library/${stage.base.split(':')[0]}`}) must be lowercase`}`, block(line));
    const ref = parsed.reference;
    let state = metadata.get(ref.normalized);
    if (!state) {
      const vertex = progress.vertex(`[internal] load metadata for ${ref.normalized}`);
      const local = engine.imageNamed(ref.normalized);
      if (local) {
        state = { root: local.root, base: configOf(local), files: { ...local.files }, key: local.id };
      } else {
        const outcome = pull(ref);
        const root = catalogueOf(ref.normalized);
        if (!outcome.ok || !root) {
          const why = resolveError(ref);
          vertex.error(why);
          return fail(`${stage.base}: failed to resolve source metadata for ${ref.normalized}: ${why}`, `${vertexReport(vertex)}${block(line)}`);
        }
        state = { root: ref.normalized, base: catalogueConfig(root.info), files: {}, key: outcome.pulled.imageID };
      }
      vertex.done(local ? between(`meta:${ref.normalized}`, 0, 30) : between(`meta:${ref.normalized}`, 400, 1600));
      metadata.set(ref.normalized, state);
    }
    starts.set(stage, state);
  }
  const dockerignore = request.context.readFile('.dockerignore');
  const ignore = progress.vertex('[internal] load .dockerignore');
  ignore.log(`transferring context: ${humanSize(utf8Length(dockerignore ?? '  '))} done`);
  ignore.done(between(`ignore:${fnv32(dockerignore ?? '')}`, 0, 40));

  const outcome = runSteps({ engine, df, all, needed, starts, progress, request, ignored: ignoreMatcher(dockerignore), block });
  if (!outcome.ok) return fail(outcome.message, outcome.report);
  const finalState = outcome.states.get(target)!;
  const config = outcome.config;
  const id = `sha256:${hexDigits(`docker-build:${finalState.key}:${JSON.stringify(config)}`)}`;
  const exporting = progress.vertex('exporting to image');
  const fresh = !engine.images.some((image) => image.id === id);
  exporting.log(fresh ? `exporting layers ${(between(`${id}:export`, 40, 400) / 1000).toFixed(1)}s done` : 'exporting layers done');
  exporting.log(`writing image ${id} done`);
  for (const tag of tags) exporting.log(`naming to ${tag} done`);
  exporting.done(fresh ? between(`${id}:exported`, 50, 450) : between(`${id}:exported`, 0, 40));
  const baseSize = registrySize(finalState.root);
  const added = Object.values(finalState.files).reduce((sum, file) => sum + utf8Length(file), 0);
  const record = engine.add({ id, tags: [], created: engine.clock.now(), size: baseSize + added, root: finalState.root, config, files: finalState.files });
  for (const tag of tags) engine.tag(record, tag);
  engine.changed();
  return request.quiet ? { stdout: `${id}\n`, stderr: '', exitCode: 0 } : { stdout: '', stderr: '', exitCode: 0, progress: progress.toString() };
}

