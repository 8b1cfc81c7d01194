/**
 * Rules about the shell commands of RUN: `apt-get install` that would wait for a "yes"
 * nobody types, `apt-get install` without `apt-get update` in the same layer, `cd` instead
 * of WORKDIR. The commands are read roughly (words, quotes, `&&`, `;`, `|`): enough for the
 * usual one-liners; heredocs and shell tricks are left alone.
 */
import type { Dockerfile, Instruction } from '../../../simulator/src/docker/dockerfile';
import { argOffset } from '../../../simulator/src/docker/dockerfile';
import { argSpan, CHAPTER_SUFFIX, type DockerfileFinding, type Word } from './finding';

/** The simple commands of a shell line: words, with their index in args, split at operators. */
export function shellCommands(args: string): Word[][] {
  const commands: Word[][] = [[]];
  let word: Word | undefined;
  let quote = '';
  const close = () => {
    if (word) commands.at(-1)!.push(word);
    word = undefined;
  };
  for (let i = 0; i < args.length; i++) {
    const ch = args[i]!;
    if (!quote && (ch === ';' || ch === '&' || ch === '|' || ch === '(' || ch === ')' || ch === '\n')) {
      close();
      if (commands.at(-1)!.length > 0) commands.push([]);
      continue;
    }
    if (!quote && /\s/.test(ch)) {
      close();
      continue;
    }
    word ??= { text: '', index: i };
    if (ch === '\\' && i + 1 < args.length) {
      word.text += args[++i]!;
      continue;
    }
    if (quote ? ch === quote : ch === '"' || ch === "'") {
      quote = quote ? '' : ch;
      continue;
    }
    word.text += ch;
  }
  close();
  return commands.filter((command) => command.length > 0);
}

/** The command's own words: without `VAR=value` prefixes and `sudo`. */
function program(command: Word[]): Word[] {
  let i = 0;
  while (i < command.length && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(command[i]!.text) || command[i]!.text === 'sudo')) i++;
  return command.slice(i);
}

const APT = new Set(['apt-get', 'apt']);
/** Subcommands that ask "Do you want to continue? [Y/n]". */
const ASKING = new Set(['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'remove', 'purge', 'autoremove']);
/** apt-get options that take the next word as their value. */
const WITH_VALUE = new Set(['-o', '-c', '-t', '--option', '--config-file', '--target-release']);

interface AptCall {
  command: Word;
  subcommand?: Word;
  words: Word[];
}

function aptCall(command: Word[]): AptCall | undefined {
  const words = program(command);
  const name = words[0];
  if (!name || !APT.has(name.text.split('/').pop()!)) return undefined;
  for (let i = 1; i < words.length; i++) {
    const text = words[i]!.text;
    if (WITH_VALUE.has(text)) i++;
    else if (!text.startsWith('-')) return { command: name, subcommand: words[i], words };
  }
  return { command: name, words };
}

/** -y, --yes, --assume-yes, -qq (apt-get(8): "quiet level 2 implies -y"), -o APT::Get::Assume-Yes=true. */
function answersYes(words: Word[]): boolean {
  return words.some(({ text }) => /^-[a-z]*y[a-z]*$/i.test(text) || /^--(yes|assume-yes)$/.test(text) || /^-[a-z]*q[a-z]*q/.test(text) || /^(-q=|--quiet=)[2-9]/.test(text) || /Assume-Yes=(true|yes|1)/i.test(text));
}

function checkRun(instruction: Instruction): DockerfileFinding[] {
  if (instruction.exec || instruction.heredocs) return [];
  const findings: DockerfileFinding[] = [];
  const commands = shellCommands(instruction.args);
  const calls = commands.map(aptCall);
  const updates = calls.some((call) => call?.subcommand?.text === 'update');
  for (const call of calls) {
    if (!call?.subcommand || !ASKING.has(call.subcommand.text)) continue;
    const { command, subcommand } = call;
    const [start, end] = argSpan(instruction, command.index, subcommand.index + subcommand.text.length - command.index);
    if (!answersYes(call.words)) {
      const at = argOffset(instruction, subcommand.index + subcommand.text.length - 1) + 1;
      findings.push({
        code: 'dockerfile-apt-get-yes',
        severity: 'warning',
        start,
        end,
        message:
          `\`${command.text} ${subcommand.text}\` sans \`-y\` demande « Do you want to continue? [Y/n] » et personne ne peut répondre pendant \`docker build\` : la commande abandonne et la construction échoue. ` +
          `Ajoute \`-y\` : \`${command.text} ${subcommand.text} -y …\`.${CHAPTER_SUFFIX}`,
        fix: { title: `Ajouter -y à ${command.text} ${subcommand.text}`, edits: [{ start: at, end: at, text: ' -y' }] },
      });
    }
    if (subcommand.text === 'install' && !updates) {
      findings.push({
        code: 'dockerfile-apt-get-update',
        severity: 'information',
        start,
        end,
        message:
          `Fais \`${command.text} update\` dans le même RUN que \`${command.text} install\` (\`RUN apt-get update && apt-get install -y …\`). ` +
          "Les images de base n'ont pas la liste des paquets, et si update est dans un RUN à part, Docker réutilise sa couche en cache : la liste vieillit et l'installation finit par échouer (404) ou installer de vieilles versions." +
          CHAPTER_SUFFIX,
      });
    }
  }
  for (const command of commands) {
    const cd = program(command)[0];
    if (cd?.text !== 'cd') continue;
    const [start, end] = argSpan(instruction, cd.index, 2);
    findings.push({
      code: 'dockerfile-cd-in-run',
      severity: 'information',
      start,
      end,
      message:
        "Ce `cd` ne vaut que pour ce RUN : chaque RUN repart du dossier de travail de l'image. Pour changer de dossier pour la suite (et pour le conteneur), utilise `WORKDIR /chemin`." +
        CHAPTER_SUFFIX,
    });
  }
  return findings;
}

export function runChecks(dockerfile: Dockerfile): DockerfileFinding[] {
  return dockerfile.instructions.filter((instruction) => instruction.keyword === 'RUN').flatMap(checkRun);
}
