/**
 * The image commands: `docker build` (build.ts), `images` with docker's columns, `pull`,
 * `tag` and `rmi`, with the daemon's texts (`Untagged: ...`, `Deleted: sha256:...`,
 * `conflict: unable to remove repository reference ... (must force)`).
 */
import { parseReference } from '../kubelet/reference';
import { build } from './build';
import type { DockerCommand, DockerIo } from './commands';
import { cleanHostPath, subContext } from './context';
import type { DockerEngine } from './engine';
import type { ParsedFlags } from './flags';
import { dockerTable, humanDuration, humanSize, shortId } from './format';
import type { ImageRecord } from './images';
import { familiarWithTag, pullImage } from './pulling';
import { failed, type DockerResult } from './result';

const splitTag = (normalized: string): [string, string] => {
  const parsed = parseReference(normalized);
  if (!parsed.ok) return [normalized, ''];
  const familiar = familiarWithTag(parsed.reference);
  const colon = familiar.lastIndexOf(':');
  return [familiar.slice(0, colon), familiar.slice(colon + 1)];
};

function images(engine: DockerEngine, flags: ParsedFlags): DockerResult {
  const now = engine.clock.now();
  const filter = flags.args[0];
  const sorted = [...engine.images].sort((a, b) => b.created - a.created);
  const rows: { record: ImageRecord; repository: string; tag: string }[] = [];
  for (const record of sorted) {
    if (record.tags.length === 0) rows.push({ record, repository: '<none>', tag: '<none>' });
    for (const tag of [...record.tags].sort()) {
      const [repository, name] = splitTag(tag);
      rows.push({ record, repository, tag: name });
    }
  }
  const wanted = filter === undefined ? rows : rows.filter((row) => row.repository === filter.split(':')[0] && (!filter.includes(':') || row.tag === filter.split(':')[1]));
  if (flags.bools.has('quiet')) return { stdout: [...new Set(wanted.map((row) => shortId(row.record.id)))].map((id) => `${id}\n`).join(''), stderr: '', exitCode: 0 };
  const table = wanted.map((row) => [row.repository, row.tag, flags.bools.has('no-trunc') ? row.record.id : shortId(row.record.id), `${humanDuration(now - row.record.created)} ago`, humanSize(row.record.size, 3)]);
  return { stdout: dockerTable(['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'], table), stderr: '', exitCode: 0 };
}

function rmi(engine: DockerEngine, flags: ParsedFlags): DockerResult {
  const force = flags.bools.has('force');
  let stdout = '';
  let stderr = '';
  for (const name of flags.args) {
    const record = engine.resolveImage(name);
    const parsed = parseReference(name);
    const named = parsed.ok && record?.tags.includes(parsed.reference.normalized) ? parsed.reference : undefined;
    if (!record) {
      stderr += `Error response from daemon: No such image: ${parsed.ok ? familiarWithTag(parsed.reference) : name}\n`;
      continue;
    }
    const user = engine.inUse(record);
    if (user && !force) {
      stderr += named
        ? `Error response from daemon: conflict: unable to remove repository reference "${name}" (must force) - container ${user.id.slice(0, 12)} is using its referenced image ${shortId(record.id)}\n`
        : `Error response from daemon: conflict: unable to delete ${shortId(record.id)} (must be forced) - image is being used by stopped container ${user.id.slice(0, 12)}\n`;
      continue;
    }
    if (!named && record.tags.length > 1 && !force) {
      stderr += `Error response from daemon: conflict: unable to delete ${shortId(record.id)} (must be forced) - image is referenced in multiple repositories\n`;
      continue;
    }
    const untag = named ? [named.normalized] : [...record.tags];
    for (const tag of untag) {
      const [repository, label] = splitTag(tag);
      stdout += `Untagged: ${repository}:${label}\n`;
    }
    record.tags = record.tags.filter((tag) => !untag.includes(tag));
    if (record.tags.length === 0 && !user) {
      engine.remove(record);
      stdout += `Deleted: ${record.id}\n`;
    }
  }
  engine.changed();
  return { stdout, stderr, exitCode: stderr === '' ? 0 : 1 };
}

function tag(engine: DockerEngine, flags: ParsedFlags): DockerResult {
  const [source = '', target = ''] = flags.args;
  const record = engine.resolveImage(source);
  const parsedSource = parseReference(source);
  if (!record) return failed(`Error response from daemon: No such image: ${parsedSource.ok ? familiarWithTag(parsedSource.reference) : source}\n`);
  const parsed = parseReference(target);
  if (!parsed.ok) return failed(`Error parsing reference: "${target}" is not a valid repository/tag: ${parsed.error}\n`);
  engine.tag(record, parsed.reference.normalized);
  engine.changed();
  return { stdout: '', stderr: '', exitCode: 0 };
}

function pullCommand(engine: DockerEngine, flags: ParsedFlags): DockerResult {
  const name = flags.args[0]!;
  const parsed = parseReference(name);
  if (!parsed.ok) return failed(`invalid reference format${parsed.error === 'invalid reference format' ? '' : `: repository name (${name.split(':')[0]}) must be lowercase`}\n`);
  const defaulted = !/:[\w][\w.-]*$/.test(name.split('/').pop() ?? '') && !name.includes('@') ? 'Using default tag: latest\n' : '';
  const pulled = pullImage(engine, parsed.reference);
  if (!pulled.ok) return failed(`${defaulted}Error response from daemon: ${pulled.error}\n`);
  engine.changed();
  return { stdout: `${defaulted}${pulled.progress}${parsed.reference.normalized}\n`, stderr: '', exitCode: 0 };
}

function buildCommand(engine: DockerEngine, flags: ParsedFlags, io: DockerIo): DockerResult {
  const path = flags.args[0]!;
  const files = io.files;
  if (!files || files.readDir(cleanHostPath(path)) === undefined) return failed(`ERROR: unable to prepare context: path "${path}" not found\n`);
  const context = subContext(files, path);
  const file = flags.strings.get('file');
  let dockerfile: string | undefined;
  let fileName = 'Dockerfile';
  if (file !== undefined && file !== '-') {
    dockerfile = files.readFile(cleanHostPath(file));
    fileName = file.split('/').pop() || file;
    if (dockerfile === undefined) return failed(`ERROR: unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat ${file}: no such file or directory\n`);
  } else {
    dockerfile = context.readFile('Dockerfile') ?? context.readFile('dockerfile');
  }
  const buildArgs: Record<string, string> = {};
  for (const pair of flags.lists.get('build-arg') ?? []) {
    const eq = pair.indexOf('=');
    if (eq > 0) buildArgs[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  const target = flags.strings.get('target');
  return build(engine, {
    tags: flags.lists.get('tag') ?? [],
    fileName,
    dockerfile,
    context,
    buildArgs,
    noCache: flags.bools.has('no-cache'),
    quiet: flags.bools.has('quiet'),
    ...(target !== undefined ? { target } : {}),
  });
}

export const IMAGE_COMMANDS: Record<string, DockerCommand> = {
  build: {
    usage: 'docker buildx build [OPTIONS] PATH | URL | -',
    summary: 'Start a build',
    displayName: 'docker buildx build',
    flags: [
      { name: 'build-arg', type: 'list', value: 'stringArray', help: 'Set build-time variables' },
      { name: 'file', short: 'f', type: 'string', help: 'Name of the Dockerfile (default: "PATH/Dockerfile")' },
      { name: 'no-cache', type: 'bool', help: 'Do not use cache when building the image' },
      { name: 'progress', type: 'string', help: 'Set type of progress output ("auto", "plain", "tty", "rawjson"). Use plain to show container output (default "auto")' },
      { name: 'pull', type: 'bool', help: 'Always attempt to pull all referenced images' },
      { name: 'quiet', short: 'q', type: 'bool', help: 'Suppress the build output and print image ID on success' },
      { name: 'tag', short: 't', type: 'list', value: 'stringArray', help: 'Name and optionally a tag (format: "name:tag")' },
      { name: 'target', type: 'string', help: 'Set the target build stage to build' },
    ],
    args: { min: 1, max: 1 },
    run: buildCommand,
  },
  images: {
    usage: 'docker images [OPTIONS] [REPOSITORY[:TAG]]',
    summary: 'List images',
    flags: [
      { name: 'all', short: 'a', type: 'bool', help: 'Show all images (default hides intermediate images)' },
      { name: 'no-trunc', type: 'bool', help: "Don't truncate output" },
      { name: 'quiet', short: 'q', type: 'bool', help: 'Only show image IDs' },
    ],
    args: { max: 1 },
    run: (engine, flags) => images(engine, flags),
  },
  pull: {
    usage: 'docker pull [OPTIONS] NAME[:TAG|@DIGEST]',
    summary: 'Download an image from a registry',
    flags: [{ name: 'quiet', short: 'q', type: 'bool', help: 'Suppress verbose output' }],
    args: { min: 1, max: 1 },
    run: (engine, flags) => pullCommand(engine, flags),
  },
  rmi: {
    usage: 'docker rmi [OPTIONS] IMAGE [IMAGE...]',
    summary: 'Remove one or more images',
    flags: [{ name: 'force', short: 'f', type: 'bool', help: 'Force removal of the image' }],
    args: { min: 1 },
    run: (engine, flags) => rmi(engine, flags),
  },
  tag: {
    usage: 'docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]',
    summary: 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE',
    flags: [],
    args: { min: 2, max: 2 },
    run: (engine, flags) => tag(engine, flags),
  },
};
