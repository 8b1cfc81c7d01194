/**
 * The image configuration a Dockerfile describes, as BuildKit's dispatchers build it
 * (`frontend/dockerfile/dockerfile2llb/convert.go`): stages, ENV, WORKDIR, USER, EXPOSE,
 * VOLUME, LABEL, SHELL, ENTRYPOINT and CMD, ARG scoping. The base image's own configuration is
 * unknown here: undefined fields mean "inherited from the base image", for the caller to merge.
 */
import { keyValues, type Dockerfile, type Instruction } from './dockerfile';
import { expand, expandWords } from './dockerfileExpand';

export interface Stage {
  index: number;
  /** `AS name`, lower-cased as BuildKit compares them. */
  name?: string;
  /** The FROM image with global ARGs substituted: `node:20-alpine`, `scratch` or an earlier stage's name. */
  base: string;
  from: Instruction;
  /** The instructions after FROM, up to the next FROM. */
  instructions: Instruction[];
}

export interface ImageConfig {
  /** The last stage's base image, stage names resolved; undefined without FROM. */
  base?: string;
  env: Record<string, string>;
  workdir?: string;
  user?: string;
  labels: Record<string, string>;
  /** `80/tcp`, `53/udp`, in declaration order, without duplicates. */
  exposedPorts: string[];
  volumes: string[];
  /** Undefined: inherited from the base image. */
  entrypoint?: string[];
  /** Undefined: inherited; [] when an ENTRYPOINT reset the inherited CMD. */
  cmd?: string[];
  /** The SHELL used for shell forms (`["/bin/sh", "-c"]` on Linux). */
  shell: string[];
}

type BuildArgs = Readonly<Record<string, string>>;

/** The ARGs declared before the first FROM, with build-arg overrides: they only serve FROM. */
function globalArgs(df: Dockerfile, buildArgs: BuildArgs): Record<string, string | undefined> {
  const args: Record<string, string | undefined> = {};
  for (const instruction of df.instructions) {
    if (instruction.keyword === 'FROM') break;
    if (instruction.keyword !== 'ARG') continue;
    for (const { key, value } of keyValues(instruction, df.escape)) {
      args[key] = buildArgs[key] ?? (value === undefined ? undefined : expand(value, args, df.escape));
    }
  }
  return args;
}

/** The build stages, each with its expanded base image and name. */
export function stages(df: Dockerfile, buildArgs: BuildArgs = {}): Stage[] {
  const globals = globalArgs(df, buildArgs);
  const result: Stage[] = [];
  for (const instruction of df.instructions) {
    if (instruction.keyword === 'FROM') {
      const words = instruction.args.split(/\s+/);
      const stage: Stage = { index: result.length, base: expand(words[0] ?? '', globals, df.escape), from: instruction, instructions: [] };
      if (words.length >= 3 && words[1]!.toUpperCase() === 'AS') stage.name = words[2]!.toLowerCase();
      result.push(stage);
    } else {
      result.at(-1)?.instructions.push(instruction);
    }
  }
  return result;
}

/**
 * `EXPOSE` port specs as Docker's nat.ParsePortSpecs reads them: `80`, `80/udp`,
 * `8000-8002/tcp` (ranges expanded). Undefined when the spec is invalid.
 */
export function parsePortSpec(spec: string): string[] | undefined {
  const match = /^(\d+)(?:-(\d+))?(?:\/([A-Za-z]+))?$/.exec(spec);
  if (!match) return undefined;
  const proto = (match[3] ?? 'tcp').toLowerCase();
  const low = Number(match[1]);
  const high = match[2] === undefined ? low : Number(match[2]);
  if (!['tcp', 'udp', 'sctp'].includes(proto) || high > 65535 || high < low) return undefined;
  return Array.from({ length: high - low + 1 }, (_, k) => `${low + k}/${proto}`);
}

/** Resolves `.` and `..` in an absolute POSIX path (Go's path.Clean for what WORKDIR needs). */
function cleanPath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

const emptyConfig = (base: string): ImageConfig => ({ base, env: {}, labels: {}, exposedPorts: [], volumes: [], shell: ['/bin/sh', '-c'] });

const copyConfig = (c: ImageConfig): ImageConfig => ({
  ...c,
  env: { ...c.env },
  labels: { ...c.labels },
  exposedPorts: [...c.exposedPorts],
  volumes: [...c.volumes],
  shell: [...c.shell],
});

/** Applies one stage's instructions to a copy of the configuration it starts from. */
function dispatchStage(stage: Stage, start: ImageConfig, df: Dockerfile, globals: Record<string, string | undefined>, buildArgs: BuildArgs): ImageConfig {
  const config = copyConfig(start);
  const args: Record<string, string | undefined> = {};
  let cmdSet = false;
  // ENV wins over an ARG of the same name (Docker: "Environment variables defined using the
  // ENV instruction always override an ARG instruction of the same name").
  const vars = () => ({ ...args, ...config.env });
  const shellForm = (instruction: Instruction) => instruction.exec ?? [...config.shell, instruction.args];
  for (const instruction of stage.instructions) {
    const x = (value: string) => expand(value, vars(), df.escape);
    switch (instruction.keyword) {
      case 'ARG':
        for (const { key, value } of keyValues(instruction, df.escape)) {
          args[key] = buildArgs[key] ?? (value === undefined ? globals[key] : x(value));
        }
        break;
      case 'ENV': {
        // Every value of one ENV is expanded with the variables as they were before it.
        const pairs = keyValues(instruction, df.escape).map(({ key, value }) => [key, x(value ?? '')] as const);
        for (const [key, value] of pairs) config.env[key] = value;
        break;
      }
      case 'LABEL':
        for (const { key, value } of keyValues(instruction, df.escape)) config.labels[x(key)] = x(value ?? '');
        break;
      case 'EXPOSE':
        for (const spec of expandWords(instruction.args, vars(), df.escape)) {
          for (const port of parsePortSpec(spec) ?? []) if (!config.exposedPorts.includes(port)) config.exposedPorts.push(port);
        }
        break;
      case 'WORKDIR': {
        const dir = x(instruction.args);
        config.workdir = cleanPath(dir.startsWith('/') ? dir : `${config.workdir ?? ''}/${dir}`);
        break;
      }
      case 'USER':
        config.user = x(instruction.args);
        break;
      case 'VOLUME':
        for (const volume of instruction.exec ?? expandWords(instruction.args, vars(), df.escape)) {
          if (!config.volumes.includes(volume)) config.volumes.push(volume);
        }
        break;
      case 'SHELL':
        if (instruction.exec) config.shell = instruction.exec;
        break;
      case 'CMD':
        config.cmd = shellForm(instruction);
        cmdSet = true;
        break;
      case 'ENTRYPOINT':
        config.entrypoint = shellForm(instruction);
        // Mirrors BuildKit's dispatchEntrypoint: an ENTRYPOINT resets a CMD not set in this stage.
        if (!cmdSet) config.cmd = [];
        break;
    }
  }
  return config;
}

/** The configuration of the image the last stage produces. */
export function imageConfig(df: Dockerfile, buildArgs: BuildArgs = {}): ImageConfig {
  const globals = globalArgs(df, buildArgs);
  const configs: ImageConfig[] = [];
  const all = stages(df, buildArgs);
  for (const stage of all) {
    const parent = all.findIndex((s) => s.index < stage.index && s.name === stage.base.toLowerCase());
    const start = parent >= 0 ? configs[parent]! : emptyConfig(stage.base);
    configs.push(dispatchStage(stage, start, df, globals, buildArgs));
  }
  const last = configs.at(-1);
  if (!last) {
    const none = emptyConfig('');
    delete none.base;
    return none;
  }
  return last;
}

/** The last stage's base image, following stage names to a real image; undefined without FROM. */
export function fromImage(df: Dockerfile, buildArgs: BuildArgs = {}): string | undefined {
  return imageConfig(df, buildArgs).base;
}

/** `80/tcp`... exposed by the image (EXPOSE of the last stage and of the stages it is built FROM). */
export function exposedPorts(df: Dockerfile, buildArgs: BuildArgs = {}): string[] {
  return imageConfig(df, buildArgs).exposedPorts;
}

/**
 * What the container runs: ENTRYPOINT followed by CMD, as Docker concatenates them; shell
 * forms become `[...SHELL, text]`. Undefined when the Dockerfile sets neither (inherited).
 */
export function command(df: Dockerfile, buildArgs: BuildArgs = {}): string[] | undefined {
  const { entrypoint, cmd } = imageConfig(df, buildArgs);
  if (entrypoint === undefined && cmd === undefined) return undefined;
  return [...(entrypoint ?? []), ...(cmd ?? [])];
}

/** The last WORKDIR (relative ones resolved against the previous); undefined: inherited. */
export function workdir(df: Dockerfile, buildArgs: BuildArgs = {}): string | undefined {
  return imageConfig(df, buildArgs).workdir;
}

/** The ENV of the image (ARG values are build-time only and stay out). */
export function env(df: Dockerfile, buildArgs: BuildArgs = {}): Record<string, string> {
  return imageConfig(df, buildArgs).env;
}
