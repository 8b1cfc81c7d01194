/**
 * Rules about the structure of a Dockerfile: FROM first, known instructions, one CMD and one
 * ENTRYPOINT per stage, MAINTAINER, EXPOSE, exec form, ADD versus COPY, the base image tag.
 * Where Docker itself objects, its own message travels beside the French one (STYLE.md,
 * habit 7); the advice mirrors BuildKit's build checks and hadolint, named at each rule.
 */
import { didYouMean } from '../../../simulator/src/api/validation/schema';
import { parsePortSpec, splitWords, stages, type Dockerfile, type Instruction } from '../../../simulator/src/docker/dockerfile';
import { isFloating, parseImage, pinnedImage } from '../lint/pod/images';
import { argSpan, argsSpan, CHAPTER_SUFFIX, keywordSpan, wordsOf, type DockerfileFinding } from './finding';
import { KEYWORDS } from './instructions';

type Check = (dockerfile: Dockerfile) => DockerfileFinding[];

const lineOf = (instruction: Instruction) => instruction.line + 1;

/** Mirrors BuildKit: `unknown instruction: RUNN (did you mean run?)`, a parse error. */
const unknownInstruction: Check = (dockerfile) =>
  dockerfile.instructions.flatMap((instruction, i) => {
    if (KEYWORDS.includes(instruction.keyword)) return [];
    const written = instruction.original.slice(0, instruction.keyword.length);
    const suggestion = didYouMean(instruction.keyword, KEYWORDS);
    const [start, end] = keywordSpan(instruction);
    const previous = dockerfile.instructions[i - 1];
    // `&& apt-get install…` on its own line: the previous line lacks its continuation.
    const forgotContinuation = !/^[A-Za-z]+$/.test(written) && previous !== undefined && previous.line === instruction.line - 1;
    const hint = forgotContinuation
      ? ` Il manque sans doute un « ${dockerfile.escape} » à la fin de la ligne précédente pour la continuer.`
      : suggestion
        ? ` Voulais-tu dire « ${suggestion} » ?`
        : '';
    const docker = `dockerfile parse error on line ${lineOf(instruction)}: unknown instruction: ${written}${suggestion && !forgotContinuation ? ` (did you mean ${suggestion.toLowerCase()}?)` : ''}`;
    return [
      {
        code: 'dockerfile-unknown-instruction',
        severity: 'error',
        start,
        end,
        message: `« ${written} » n'est pas une instruction Dockerfile.${hint}\ndocker build : ${docker}`,
        ...(suggestion && !forgotContinuation ? { fix: { title: `Remplacer par « ${suggestion} »`, edits: [{ start, end, text: suggestion }] } } : {}),
      },
    ];
  });

/** Mirrors BuildKit's instructions.Parse: only ARG may come before the first FROM. */
const fromFirst: Check = (dockerfile) => {
  const { instructions } = dockerfile;
  const firstFrom = instructions.findIndex((instruction) => instruction.keyword === 'FROM');
  const before = instructions.slice(0, firstFrom < 0 ? instructions.length : firstFrom);
  const offending = before.find((instruction) => instruction.keyword !== 'ARG' && KEYWORDS.includes(instruction.keyword));
  if (offending) {
    const [start, end] = keywordSpan(offending);
    const what =
      firstFrom < 0
        ? "Ce Dockerfile n'a aucune instruction FROM : toute image part d'une image de base (`FROM node:20-alpine`, `FROM nginx:1.27`…)."
        : `${offending.keyword} arrive avant le premier FROM : seules des instructions ARG peuvent précéder FROM.`;
    return [{ code: 'dockerfile-no-from', severity: 'error', start, end, message: `${what}\ndocker build : dockerfile parse error on line ${lineOf(offending)}: no build stage in current context` }];
  }
  if (firstFrom >= 0 || instructions.length === 0) return [];
  const [start, end] = keywordSpan(instructions[0]!);
  return [
    {
      code: 'dockerfile-no-from',
      severity: 'error',
      start,
      end,
      message: "Ce Dockerfile n'a aucune instruction FROM : toute image part d'une image de base (`FROM node:20-alpine`, `FROM nginx:1.27`…).\ndocker build : dockerfile contains no stages to build",
    },
  ];
};

/** hadolint DL3006 / DL3007: a base image without a tag, or `latest`. */
const baseImageLatest: Check = (dockerfile) => {
  const names = new Set<string>();
  const findings: DockerfileFinding[] = [];
  for (const stage of stages(dockerfile)) {
    const raw = wordsOf(stage.from.args)[0];
    const image = stage.base;
    const known = names.has(image.toLowerCase());
    if (stage.name) names.add(stage.name);
    // A stage name, scratch, or a variable that leaves the name unknown: nothing to say.
    if (!raw || known || image.toLowerCase() === 'scratch' || image === '' || image.endsWith(':') || !isFloating(image)) continue;
    const [start, end] = argSpan(stage.from, raw.index, raw.text.length);
    const pinned = raw.text.includes('$') ? undefined : pinnedImage(image);
    const { repository, tag } = parseImage(image);
    const what = tag === undefined ? `L'image de base « ${image} » n'a pas de tag : Docker prend alors \`${repository}:latest\`.` : `L'image de base « ${image} » utilise le tag \`latest\`.`;
    findings.push({
      code: 'dockerfile-image-latest',
      severity: 'warning',
      start,
      end,
      message:
        `${what} \`latest\` désigne la dernière version publiée : elle change sans prévenir, et la même construction peut donner demain une autre image, voire échouer.` +
        (pinned ? ` Fixe une version, par exemple \`${pinned}\`.` : ' Fixe une version précise (un tag de version, ou un digest `@sha256:…`).') +
        CHAPTER_SUFFIX,
      ...(pinned ? { fix: { title: `Fixer la version de l'image : ${pinned}`, edits: [{ start, end, text: pinned }] } } : {}),
    });
  }
  return findings;
};

/** BuildKit's MultipleInstructionsDisallowed check, and hadolint DL4003 / DL4004. */
const multipleInstructions: Check = (dockerfile) =>
  stages(dockerfile).flatMap((stage) =>
    ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'].flatMap((keyword) => {
      const all = stage.instructions.filter((instruction) => instruction.keyword === keyword);
      const last = all.at(-1);
      return all.slice(0, -1).map((instruction): DockerfileFinding => {
        const [start, end] = [instruction.start, instruction.end];
        return {
          code: `dockerfile-multiple-${keyword.toLowerCase()}`,
          severity: 'warning',
          start,
          end,
          tag: 'unnecessary',
          message:
            `Ce ${keyword} ne sert à rien : il y a un autre ${keyword} plus loin dans la même étape (ligne ${lineOf(last!)}), et seul le dernier compte.` +
            `\nBuildKit : Multiple ${keyword} instructions should not be used in the same stage because only the last one will be used${CHAPTER_SUFFIX}`,
        };
      });
    }),
  );

/** BuildKit's MaintainerDeprecated check (hadolint DL4000). */
const maintainer: Check = (dockerfile) =>
  dockerfile.instructions
    .filter((instruction) => instruction.keyword === 'MAINTAINER')
    .map((instruction) => {
      const [start, end] = keywordSpan(instruction);
      const label = `LABEL maintainer=${JSON.stringify(instruction.args)}`;
      return {
        code: 'dockerfile-maintainer',
        severity: 'warning',
        start,
        end,
        tag: 'deprecated',
        message: `MAINTAINER est obsolète : indique l'auteur avec un label, \`${label}\`.\nBuildKit : Maintainer instruction is deprecated in favor of using label${CHAPTER_SUFFIX}`,
        fix: { title: `Remplacer par ${label}`, edits: [{ start: instruction.start, end: instruction.end, text: label }] },
      };
    });

/** Docker's nat.ParsePortSpecs errors, and BuildKit's ExposeInvalidFormat check. */
const exposeInvalid: Check = (dockerfile) =>
  dockerfile.instructions
    .filter((instruction) => instruction.keyword === 'EXPOSE')
    .flatMap((instruction) =>
      wordsOf(instruction.args).flatMap(({ text, index }): DockerfileFinding[] => {
        // A variable is checked once substituted, by docker build: too early to judge here.
        if (text.includes('$') || parsePortSpec(text)) return [];
        const [start, end] = argSpan(instruction, index, text.length);
        const [port = '', proto] = text.split('/');
        const badProto = proto !== undefined && /^\d+(-\d+)?$/.test(port) && !['tcp', 'udp', 'sctp'].includes(proto.toLowerCase());
        const message = text.includes(':')
          ? `EXPOSE n'indique que le port du conteneur : « ${text} » ressemble à une publication \`hôte:conteneur\`, qui se fait au lancement (\`docker run -p ${text}\`). Écris seulement \`EXPOSE ${text.split(':').pop()}\`.\nBuildKit : EXPOSE instruction should not define an IP address or host-port mapping, found '${text}'`
          : badProto
            ? `Protocole inconnu « ${proto} » : EXPOSE accepte \`tcp\` (par défaut), \`udp\` ou \`sctp\`.\ndocker build : invalid proto: ${proto}`
            : `« ${text} » n'est pas un port valide : un numéro entre 0 et 65535 (ou une plage \`8000-8010\`), suivi au besoin de \`/tcp\` ou \`/udp\`.\ndocker build : invalid containerPort: ${port}`;
        return [{ code: 'dockerfile-expose-invalid', severity: 'error', start, end, message }];
      }),
    );

const SIMPLE_WORDS = /^[\w./:=@%+,-]+(?: +[\w./:=@%+,-]+)*$/;

/** BuildKit's JSONArgsRecommended check (hadolint DL3025), and JSON that is not JSON. */
const execForm: Check = (dockerfile) =>
  stages(dockerfile).flatMap((stage) => {
    let shellSet = false;
    const findings: DockerfileFinding[] = [];
    for (const instruction of stage.instructions) {
      if (instruction.keyword === 'SHELL') shellSet = true;
      if ((instruction.keyword !== 'CMD' && instruction.keyword !== 'ENTRYPOINT') || instruction.exec || instruction.args === '') continue;
      const [start, end] = argsSpan(instruction);
      if (instruction.args.startsWith('[')) {
        const fixed = instruction.args.replace(/'/g, '"');
        const valid = (() => {
          try {
            return Array.isArray(JSON.parse(fixed));
          } catch {
            return false;
          }
        })();
        findings.push({
          code: 'dockerfile-json-invalid',
          severity: 'warning',
          start,
          end,
          message:
            `Ce tableau n'est pas du JSON valide${instruction.args.includes("'") ? ' (le JSON veut des guillemets doubles `"`, pas des apostrophes)' : ''} : Docker le prend donc pour une commande shell, ` +
            `et lance \`/bin/sh -c "${instruction.args}"\`, qui échouera.${CHAPTER_SUFFIX}`,
          ...(valid && fixed !== instruction.args ? { fix: { title: 'Mettre des guillemets doubles', edits: [{ start, end, text: fixed }] } } : {}),
        });
        continue;
      }
      // With a SHELL of its own, the stage chose the shell form on purpose (BuildKit skips it too).
      if (shellSet) continue;
      const exec = JSON.stringify(instruction.args.split(/ +/)).replace(/","/g, '", "');
      findings.push({
        code: 'dockerfile-shell-form',
        severity: 'information',
        start,
        end,
        message:
          `Forme shell : Docker lance \`/bin/sh -c "${instruction.args}"\`, et c'est le shell, pas ton programme, qui reçoit les signaux d'arrêt (\`docker stop\` attend alors 10 s puis tue le conteneur). ` +
          `Préfère la forme exec, un tableau JSON${SIMPLE_WORDS.test(instruction.args) ? ` : \`${instruction.keyword} ${exec}\`` : ''}.` +
          `\nBuildKit : JSON arguments recommended for ${instruction.keyword} to prevent unintended behavior related to OS signals${CHAPTER_SUFFIX}`,
        ...(SIMPLE_WORDS.test(instruction.args) ? { fix: { title: `Passer à la forme exec : ${exec}`, edits: [{ start, end, text: exec }] } } : {}),
      });
    }
    return findings;
  });

const REMOTE = /^(?:https?:\/\/|git@|git:\/\/)/i;
const ARCHIVE = /\.(?:tar|tgz|tbz2?|txz|tzst|tar\.(?:gz|bz2|xz|zst)|gz|bz2|xz)$/i;

/** hadolint DL3020: ADD for plain local files, where COPY says what it does. */
const addInsteadOfCopy: Check = (dockerfile) =>
  dockerfile.instructions.flatMap((instruction): DockerfileFinding[] => {
    if (instruction.keyword !== 'ADD' || instruction.heredocs || 'checksum' in instruction.flags || 'keep-git-dir' in instruction.flags) return [];
    const paths = instruction.exec ?? splitWords(instruction.args, dockerfile.escape);
    const sources = paths.slice(0, -1);
    if (sources.length === 0 || sources.some((source) => REMOTE.test(source) || ARCHIVE.test(source) || source.includes('$'))) return [];
    const [start, end] = keywordSpan(instruction);
    const copy = instruction.original.slice(0, 3) === 'add' ? 'copy' : 'COPY';
    return [
      {
        code: 'dockerfile-add-copy',
        severity: 'information',
        start,
        end,
        message: `Pour copier de simples fichiers, utilise COPY : ADD fait la même chose, mais télécharge aussi les URL et décompresse les archives, des effets cachés qui surprennent.${CHAPTER_SUFFIX}`,
        fix: { title: 'Remplacer ADD par COPY', edits: [{ start, end, text: copy }] },
      },
    ];
  });

export const STRUCTURE_CHECKS: readonly Check[] = [unknownInstruction, fromFirst, baseImageLatest, multipleInstructions, maintainer, exposeInvalid, execForm, addInsteadOfCopy];
