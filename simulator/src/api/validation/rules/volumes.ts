/**
 * Volumes of a PodSpec and the containers' volumeMounts. Mirrors ValidateVolumes,
 * validateVolumeSource and ValidateVolumeMounts (pkg/apis/core/validation, v1.30).
 */
import { duplicate, forbidden, invalid, required, type Finding } from '../finding';
import type { KubeObject, ValidationRule } from '../rule';
import { asArray, asString, child, isRecord, notFound, type Path } from './common';
import { isDNS1123Label, isDNS1123Subdomain } from './formats';
import { POD_KINDS, validatedPodSpec } from './podspec';

// The volume sources of core.v1.VolumeSource, in validateVolumeSource's order.
const SOURCES = [
  'emptyDir', 'hostPath', 'gitRepo', 'gcePersistentDisk', 'awsElasticBlockStore', 'secret', 'nfs', 'iscsi', 'glusterfs', 'flocker',
  'persistentVolumeClaim', 'rbd', 'cinder', 'cephfs', 'quobyte', 'downwardAPI', 'fc', 'flexVolume', 'configMap', 'azureFile',
  'vsphereVolume', 'photonPersistentDisk', 'portworxVolume', 'azureDisk', 'storageos', 'projected', 'scaleIO', 'csi', 'ephemeral',
];

const NAME_FR = 'Le nom d’un volume est un label DNS : minuscules, chiffres et « - », 63 caractères au plus.';

/** The required fields of the sources learners use. */
function sourceFields(source: string, value: unknown, path: Path): Finding[] {
  const need = (key: string, fr: string) => ((asString(child(value, key)) ?? '') === '' ? [required({ code: 'volume-source-field', path: [...path, key], fr })] : []);
  if (source === 'configMap') return need('name', 'Donne le nom du ConfigMap à monter (`configMap.name`).');
  if (source === 'secret') return need('secretName', 'Donne le nom du Secret à monter (`secret.secretName`, et non `name`).');
  if (source === 'persistentVolumeClaim') return need('claimName', 'Donne le nom du PersistentVolumeClaim (`claimName`).');
  if (source === 'hostPath') return need('path', 'Donne le chemin sur le nœud (`hostPath.path`).');
  return [];
}

function volumeSource(volume: KubeObject, path: Path): Finding[] {
  const findings: Finding[] = [];
  let count = 0;
  for (const source of SOURCES.filter((key) => isRecord(volume[key]))) {
    if (count++ > 0) {
      findings.push(forbidden({ code: 'volume-source-multiple', path: [...path, source], fr: 'Un volume a une seule source (emptyDir, configMap, secret, persistentVolumeClaim…) : sépare-les en plusieurs volumes.' }, 'may not specify more than 1 volume type'));
      continue;
    }
    findings.push(...sourceFields(source, volume[source], [...path, source]));
  }
  if (count === 0) {
    findings.push(required({ code: 'volume-source-required', path, fr: 'Ce volume ne dit pas d’où viennent ses données : ajoute une source (emptyDir: {}, configMap, secret, persistentVolumeClaim…).' }, 'must specify a volume type'));
  }
  return findings;
}

/** ValidateVolumes: returns the names that validated, which mounts may then refer to. */
function validateVolumes(volumes: unknown, path: Path): { names: Set<string>; findings: Finding[] } {
  const names = new Set<string>();
  const findings: Finding[] = [];
  asArray(volumes).forEach((volume, index) => {
    if (!isRecord(volume)) return;
    const at: Path = [...path, index];
    const errors = volumeSource(volume, at);
    const name = asString(volume.name) ?? '';
    if (volume.name === '') errors.push(required({ code: 'volume-name-required', path: [...at, 'name'], fr: NAME_FR }));
    else if (name !== '') isDNS1123Label(name).forEach((message) => errors.push(invalid({ code: 'volume-name-invalid', path: [...at, 'name'], fr: NAME_FR }, name, message)));
    if (names.has(name)) errors.push(duplicate({ code: 'volume-name-duplicate', path: [...at, 'name'], fr: 'Deux volumes de ce Pod portent le même nom.' }, name));
    if (errors.length === 0) names.add(name);
    findings.push(...errors);
  });
  return { names, findings };
}

function validateMounts(mounts: unknown, volumes: Set<string>, path: Path): Finding[] {
  const findings: Finding[] = [];
  const paths = new Set<string>();
  asArray(mounts).forEach((mount, index) => {
    const at: Path = [...path, index];
    const name = asString(child(mount, 'name')) ?? '';
    const mountPath = asString(child(mount, 'mountPath')) ?? '';
    if (child(mount, 'name') === '') findings.push(required({ code: 'volume-mount-name', path: [...at, 'name'], fr: 'Donne le nom du volume à monter.' }));
    if (!volumes.has(name)) {
      findings.push(
        notFound(
          { code: 'volume-mount-not-found', path: [...at, 'name'], fr: `Aucun volume nommé « ${name} » n'est déclaré dans \`volumes\` du Pod (ou il est invalide) : un volumeMount doit reprendre exactement le nom d'un volume.` },
          name,
        ),
      );
    }
    if (child(mount, 'mountPath') === '') findings.push(required({ code: 'volume-mount-path', path: [...at, 'mountPath'], fr: 'Donne le chemin où monter le volume dans le conteneur.' }));
    if (paths.has(mountPath)) findings.push(invalid({ code: 'volume-mount-path-duplicate', path: [...at, 'mountPath'], fr: 'Deux volumes sont montés au même endroit dans ce conteneur.' }, mountPath, 'must be unique'));
    paths.add(mountPath);
  });
  return findings;
}

/** Volumes, then each container's mounts against them. */
export function validatePodVolumes(spec: KubeObject, path: Path): Finding[] {
  const { names, findings } = validateVolumes(spec.volumes, [...path, 'volumes']);
  for (const key of ['containers', 'initContainers']) {
    asArray(spec[key]).forEach((container, index) => findings.push(...validateMounts(child(container, 'volumeMounts'), names, [...path, key, index, 'volumeMounts'])));
  }
  const account = asString(spec.serviceAccountName);
  if (account) {
    isDNS1123Subdomain(account).forEach((message) => findings.push(invalid({ code: 'service-account-name-invalid', path: [...path, 'serviceAccountName'], fr: 'Le nom du ServiceAccount est un nom d’objet (sous-domaine DNS).' }, account, message)));
  }
  return findings;
}

/** Mirrors ValidateVolumes and ValidateVolumeMounts on every validated PodSpec. */
export const volumesRule: ValidationRule = {
  id: 'volumes',
  kinds: POD_KINDS,
  check(object, context) {
    const pod = validatedPodSpec(object, context.info.kind);
    return pod ? validatePodVolumes(pod.spec, pod.path) : [];
  },
};
