/**
 * The steps of a build stage that change its files: COPY and ADD (from the context, an
 * earlier stage or an image), and RUN, whose command runs in the simulator's shell on
 * the stage's files (`echo ... > index.html` really writes the file). A program the
 * simulated image does not have (apt-get, npm, pip...) is taken as a success that changed
 * nothing: the simulator cannot install packages, and a real image would have it.
 */
import { isAlpine, versionOf } from '../kubelet/images';
import { between } from '../kubelet/hash';
import type { Machine } from '../kubelet/model';
import { resolvable, runProcess } from '../kubelet/shell';
import { catalogueOf, type RunConfig } from './images';

/** A stage while it builds. */
export interface StageState {
  /** The catalogue image at the root of its FROM chain ('' for scratch). */
  root: string;
  /** The configuration of the image it starts FROM. */
  base: RunConfig;
  /** Files added to the root's (absolute path -> content). */
  files: Record<string, string>;
  /** The cache key of the steps so far. */
  key: string;
}

export interface StepLine {
  offsetMs: number;
  text: string;
}

export type RunOutcome = { ok: true; files: Record<string, string>; lines: StepLine[]; ms: number } | { ok: false; message: string; lines: StepLine[]; ms: number };

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** The root image's files with the stage's own over them. */
export function stageFiles(state: StageState): Record<string, string> {
  return { ...catalogueOf(state.root)?.info.files, ...state.files };
}

/**
 * The machine a RUN executes on: the root's shell and programs, the stage's files and ENV.
 * The simulated shell has no current folder: the files under WORKDIR are also given by
 * their relative path, and relative paths it writes are put back under WORKDIR.
 */
function buildMachine(state: StageState, env: Record<string, string>, workdir: string | undefined): Machine {
  const root = catalogueOf(state.root);
  const alpine = root ? isAlpine(root.reference.tag) : false;
  const context = { env, hostname: 'buildkitsandbox', podIP: '', version: root ? versionOf(root.info, root.reference.tag) : '', alpine, wrapped: false };
  return {
    flavor: root?.info.flavor === undefined ? undefined : alpine ? 'busybox' : root.info.flavor,
    env: { PATH: DEFAULT_PATH, ...env },
    hostname: 'buildkitsandbox',
    files: withRelative(stageFiles(state), workdir),
    program: (argv) => root?.info.program?.(argv, context),
  };
}

const under = (workdir: string | undefined): string => `${(workdir ?? '/').replace(/\/+$/, '')}/`;

function withRelative(files: Record<string, string>, workdir: string | undefined): Record<string, string> {
  const prefix = under(workdir);
  const out = { ...files };
  if (prefix !== '/') for (const [path, text] of Object.entries(files)) if (path.startsWith(prefix)) out[path.slice(prefix.length)] = text;
  return out;
}

/** Runs `argv` (a RUN's command) at `start` in `workdir`; its output and the files it left. */
export function runCommand(state: StageState, argv: string[], env: Record<string, string>, workdir: string | undefined, start: number): RunOutcome {
  const machine = buildMachine(state, env, workdir);
  const overhead = between(`${state.key}:run`, 60, 350);
  const described = `process "${argv.join(' ')}" did not complete successfully`;
  if (!resolvable(machine, argv)) {
    const name = argv[0] ?? '';
    if (!machine.flavor || name.startsWith('/bin/')) {
      const why = name.includes('/') ? `exec: "${name}": stat ${name}: no such file or directory` : `exec: "${name}": executable file not found in $PATH`;
      return { ok: false, message: `${described}: runc run failed: unable to start container process: ${why}`, lines: [], ms: overhead };
    }
  }
  const run = runProcess(argv, machine, { start, until: start + 600_000, keepLast: 500 });
  const lines = run.lines.map((line) => ({ offsetMs: line.at - start + overhead, text: line.text }));
  const ms = (run.exit?.at ?? start) - start + overhead;
  const files: Record<string, string> = {};
  const original = catalogueOf(state.root)?.info.files ?? {};
  const given = machine.files;
  for (const [path, text] of run.files) {
    if (given[path] === text && !path.startsWith('/')) continue;
    const absolute = path.startsWith('/') ? path : `${under(workdir)}${path}`;
    if (original[absolute] !== text) files[absolute] = text;
  }
  const code = run.exit?.code ?? 0;
  if (code === 127 && lines.some((line) => /(: not found|command not found)$/.test(line.text))) {
    // Installers and runtimes are not simulated: the step did what it did until then.
    return { ok: true, files, lines: lines.filter((line) => !/(: not found|command not found)$/.test(line.text)), ms: ms + between(`${state.key}:install`, 900, 4000) };
  }
  if (code !== 0) return { ok: false, message: `${described}: exit code: ${code}`, lines, ms };
  return { ok: true, files, lines, ms };
}

/** An absolute path in the stage: `dest` as is when absolute, else under WORKDIR (or /). */
export function inStage(dest: string, workdir: string | undefined): string {
  if (dest.startsWith('/')) return dest;
  const base = (workdir ?? '/').replace(/\/+$/, '');
  const joined = dest === '.' || dest === './' ? `${base}/` : `${base}/${dest.replace(/^\.\//, '')}`;
  return joined.startsWith('/') ? joined : `/${joined}`;
}
