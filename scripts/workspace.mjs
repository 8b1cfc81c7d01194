// The course workspace that `npm start` opens: the walkthroughs' exercises, copied where the
// walkthroughs' "Ouvrir l'exercice" buttons look for them (atelier-exercices/<chapter>/,
// client/src/commands/course.ts), so that both find the learner's own copy.
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './system.mjs';

export const WALKTHROUGHS_DIR = path.join(ROOT, 'walkthroughs');
/** Same name as EXERCISES_FOLDER in client/src/commands/course.ts. */
export const EXERCISES_FOLDER = 'atelier-exercices';

// The exercises of a chapter folder: manifests and Dockerfiles at its top, and whole
// sub-folders (a Dockerfile with the files it copies). Lessons (.md, .svg), walkthrough.json
// and the solutions (shown read-only by "Voir la solution") stay in the extension.
const isExercise = (name) => (/\.ya?ml$/.test(name) || /^Dockerfile/.test(name)) && !name.includes('.solution');

/** Copies `from` into `to`, file by file, never over a file that exists. Returns the files copied. */
function copyMissing(from, to, keep) {
  const copied = [];
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.includes('solution')) copied.push(...copyMissing(source, target, (name) => !name.includes('.solution')));
    } else if (entry.isFile() && keep(entry.name) && !existsSync(target)) {
      mkdirSync(to, { recursive: true });
      copyFileSync(source, target);
      copied.push(target);
    }
  }
  return copied;
}

const README = `# Espace de travail de l'Atelier Kubernetes

Le dossier \`${EXERCISES_FOLDER}/\` contient les exercices des parcours, un dossier par chapitre.
Ouvre la vue « Atelier Kubernetes » dans la barre d'activité : la liste « Parcours du cours »
mène à chaque chapitre (ou, depuis la palette de commandes, F1 :
« Atelier Kubernetes: Ouvrir le parcours d'un chapitre »).

Ce que tu écris ici t'appartient : \`npm start\` ajoute les nouveaux exercices sans jamais
remplacer un fichier existant.
`;

/**
 * Prepares the course workspace: each walkthroughs/<chapter>/ exercise is copied into
 * <workspace>/atelier-exercices/<chapter>/ unless it is already there (the learner's
 * work is never overwritten). Returns the number of files copied.
 */
export function prepareWorkspace(workspace) {
  mkdirSync(workspace, { recursive: true });
  const readme = path.join(workspace, 'README.md');
  if (!existsSync(readme)) writeFileSync(readme, README);
  let copied = 0;
  if (!existsSync(WALKTHROUGHS_DIR)) return copied;
  for (const chapter of readdirSync(WALKTHROUGHS_DIR, { withFileTypes: true })) {
    if (!chapter.isDirectory()) continue;
    copied += copyMissing(path.join(WALKTHROUGHS_DIR, chapter.name), path.join(workspace, EXERCISES_FOLDER, chapter.name), isExercise).length;
  }
  return copied;
}
