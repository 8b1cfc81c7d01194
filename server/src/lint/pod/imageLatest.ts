/**
 * `image-latest`: an image without a tag, or with `latest`. kube-linter's `latest-tag` and
 * kube-score's `container-image-tag` check the same; a digest (`@sha256:…`) is pinned.
 */
import type { LintFinding, LintRule } from '../rule';
import { isFloating, parseImage, pinnedImage } from './images';
import { allContainers, containerPhrase, WORKLOAD_KINDS } from './podSpecs';

function message(phrase: string, image: string, suggested: string | undefined): string {
  const { repository, tag } = parseImage(image);
  const what =
    tag === undefined
      ? `Le ${phrase} utilise l'image « ${image} » sans tag : Kubernetes tire alors \`${repository}:latest\`.`
      : `Le ${phrase} utilise l'image « ${image} » avec le tag \`latest\`.`;
  const why =
    ' `latest` suit la dernière version publiée et change sans prévenir : deux Pods peuvent tourner avec deux versions différentes, ' +
    "et un retour en arrière (`kubectl rollout undo`) ne ramène pas l'ancienne version. " +
    "En plus, imagePullPolicy passe à Always : l'image est retéléchargée à chaque démarrage.";
  const todo = suggested
    ? ` Fixe une version précise, par exemple \`${suggested}\`.`
    : ' Fixe une version précise (le tag d’une version publiée, ou un digest `@sha256:…`).';
  return what + why + todo;
}

export const imageLatest: LintRule = {
  id: 'image-latest',
  severity: 'warning',
  chapter: 'quotidien',
  kinds: WORKLOAD_KINDS,
  description: "Signale une image sans tag ou avec le tag `latest`, dont la version peut changer d'un démarrage à l'autre.",
  check(object, context) {
    const findings: LintFinding[] = [];
    for (const container of allContainers(object, context.info.kind)) {
      const image = container.container.image;
      // An empty or templated image is another problem (validation, or not YAML for Kubernetes yet).
      if (typeof image !== 'string' || image.trim() === '' || /[\s${}]/.test(image) || !isFloating(image)) continue;
      const suggestedImage = pinnedImage(image);
      findings.push({
        path: [...container.path, 'image'],
        message: message(containerPhrase(container), image, suggestedImage),
        fix: { container: container.path, image, ...(suggestedImage ? { suggestedImage } : {}) },
      });
    }
    return findings;
  },
};
