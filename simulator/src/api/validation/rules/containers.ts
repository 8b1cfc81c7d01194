/**
 * Containers of a PodSpec: at least one, unique DNS-label names, an image, valid ports,
 * environment variables, probes and resources. Mirrors validateContainers,
 * validateContainerCommon, validateContainerPorts, ValidateEnv, validateProbe
 * (pkg/apis/core/validation/validation.go, v1.30).
 */
import { duplicate, forbidden, invalid, notSupported, required, type Finding } from '../finding';
import type { KubeObject, ValidationRule } from '../rule';
import { asArray, asString, child, isRecord, type Path } from './common';
import { isConfigMapKey, isDNS1123Label, isDNS1123Subdomain, isEnvVarName, isValidPortName, isValidPortNum } from './formats';
import { nonNegative } from './intorpercent';
import { POD_KINDS, validatedPodSpec } from './podspec';
import { validateResources } from './resources';

const NAME_FR = 'Le nom d’un conteneur est un label DNS : minuscules, chiffres et « - », 63 caractères au plus.';

/** ValidatePortNumOrName: a number 1-65535 or an IANA port name. */
export function portNumOrName(value: unknown, path: Path, fr: string): Finding[] {
  if (typeof value === 'number') return isValidPortNum(value).map((message) => invalid({ code: 'port-invalid', path, fr }, value, message));
  if (typeof value === 'string') return isValidPortName(value).map((message) => invalid({ code: 'port-name-invalid', path, fr }, value, message));
  return [];
}

function containerPorts(ports: unknown, path: Path): Finding[] {
  const findings: Finding[] = [];
  const names = new Set<string>();
  asArray(ports).forEach((port, index) => {
    const at: Path = [...path, index];
    const name = asString(child(port, 'name'));
    if (name) {
      const errors = isValidPortName(name);
      errors.forEach((message) => findings.push(invalid({ code: 'port-name-invalid', path: [...at, 'name'], fr: 'Un nom de port fait 15 caractères au plus : minuscules, chiffres et « - », avec au moins une lettre (par exemple « http », « metrics »).' }, name, message)));
      if (errors.length === 0 && names.has(name)) findings.push(duplicate({ code: 'port-name-duplicate', path: [...at, 'name'], fr: 'Deux ports de ce conteneur portent le même nom.' }, name));
      else if (errors.length === 0) names.add(name);
    }
    const containerPort = child(port, 'containerPort');
    if (containerPort === 0) findings.push(required({ code: 'container-port-required', path: [...at, 'containerPort'], fr: 'Indique le numéro de port sur lequel le conteneur écoute.' }));
    else if (typeof containerPort === 'number') {
      isValidPortNum(containerPort).forEach((message) => findings.push(invalid({ code: 'port-invalid', path: [...at, 'containerPort'], fr: 'Un numéro de port va de 1 à 65535.' }, containerPort, message)));
    }
    const hostPort = child(port, 'hostPort');
    if (typeof hostPort === 'number' && hostPort !== 0) {
      isValidPortNum(hostPort).forEach((message) => findings.push(invalid({ code: 'port-invalid', path: [...at, 'hostPort'], fr: 'Un numéro de port va de 1 à 65535.' }, hostPort, message)));
    }
  });
  return findings;
}

// pods.ConvertDownwardAPIFieldLabel, then validEnvDownwardAPIFieldPathExpressions (sorted).
const CONVERTIBLE = new Set(['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.restartPolicy', 'spec.serviceAccountName', 'spec.schedulerName', 'status.phase', 'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs', 'spec.host']);
const ENV_FIELD_PATHS = ['metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName', 'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs'];

function fieldRef(ref: unknown, path: Path): Finding[] {
  const fieldPath = asString(child(ref, 'fieldPath')) ?? '';
  const at: Path = [...path, 'fieldPath'];
  const fr = 'Une variable peut recevoir metadata.name, metadata.namespace, metadata.uid, spec.nodeName, spec.serviceAccountName, status.hostIP ou status.podIP (et metadata.labels[\'clé\']).';
  if (fieldPath === '') return [required({ code: 'env-field-path', path: at, fr })];
  const subscript = /^(metadata\.(labels|annotations))\[.+\]$/.exec(fieldPath);
  if (subscript) return [];
  if (!CONVERTIBLE.has(fieldPath)) return [invalid({ code: 'env-field-path', path: at, fr }, fieldPath, `error converting fieldPath: ${/\[/.test(fieldPath) ? 'field label does not support subscript' : 'field label not supported'}: ${fieldPath}`)];
  const internal = fieldPath === 'spec.host' ? 'spec.nodeName' : fieldPath;
  return ENV_FIELD_PATHS.includes(internal) ? [] : [notSupported({ code: 'env-field-path', path: at, fr }, internal, ENV_FIELD_PATHS)];
}

/** validateConfigMapKeySelector / validateSecretKeySelector: a subdomain name (even when left out) and a key. */
function keySelector(selector: unknown, path: Path, what: string): Finding[] {
  const findings: Finding[] = [];
  const name = asString(child(selector, 'name')) ?? '';
  isDNS1123Subdomain(name).forEach((message) => findings.push(invalid({ code: 'env-ref-name', path: [...path, 'name'], fr: `Donne le nom du ${what} à lire (\`name\`), un nom d'objet valide.` }, name, message)));
  const key = asString(child(selector, 'key'));
  if (key === '') findings.push(required({ code: 'env-ref-key', path: [...path, 'key'], fr: `Donne la clé du ${what} à lire.` }));
  else if (key !== undefined) isConfigMapKey(key).forEach((message) => findings.push(invalid({ code: 'env-ref-key', path: [...path, 'key'], fr: 'Une clé de ConfigMap ou de Secret contient lettres, chiffres, « - », « _ » et « . ».' }, key, message)));
  return findings;
}

function valueFrom(variable: unknown, path: Path): Finding[] {
  const from = child(variable, 'valueFrom');
  if (!isRecord(from)) return [];
  const findings: Finding[] = [];
  const sources = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'].filter((key) => isRecord(from[key]));
  if (isRecord(from.fieldRef)) findings.push(...fieldRef(from.fieldRef, [...path, 'fieldRef']));
  if (isRecord(from.configMapKeyRef)) findings.push(...keySelector(from.configMapKeyRef, [...path, 'configMapKeyRef'], 'ConfigMap'));
  if (isRecord(from.secretKeyRef)) findings.push(...keySelector(from.secretKeyRef, [...path, 'secretKeyRef'], 'Secret'));
  const base = { code: 'env-value-from', path, fr: 'Une variable prend soit `value`, soit `valueFrom` avec une seule source (fieldRef, resourceFieldRef, configMapKeyRef ou secretKeyRef).' };
  if (sources.length === 0) findings.push(invalid(base, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
  else if ((asString(child(variable, 'value')) ?? '') !== '') findings.push(invalid(base, '', 'may not be specified when `value` is not empty'));
  else if (sources.length > 1) findings.push(invalid(base, '', 'may not have more than one field specified at a time'));
  return findings;
}

function env(variables: unknown, path: Path): Finding[] {
  const findings: Finding[] = [];
  asArray(variables).forEach((variable, index) => {
    const at: Path = [...path, index];
    const name = asString(child(variable, 'name'));
    if (name === '') findings.push(required({ code: 'env-name-required', path: [...at, 'name'], fr: 'Chaque variable d’environnement a un nom.' }));
    else if (name !== undefined) {
      isEnvVarName(name).forEach((message) =>
        findings.push(invalid({ code: 'env-name-invalid', path: [...at, 'name'], fr: "Un nom de variable d'environnement contient lettres, chiffres, « _ », « - » et « . », et ne commence pas par un chiffre (pas d'espace, pas de « = »)." }, name, message)),
      );
    }
    findings.push(...valueFrom(variable, [...at, 'valueFrom']));
  });
  return findings;
}

/** ValidateEnvFrom: a prefix that is a variable name, a ConfigMap or Secret name. */
function envFrom(sources: unknown, path: Path): Finding[] {
  const findings: Finding[] = [];
  asArray(sources).forEach((source, index) => {
    const at: Path = [...path, index];
    const prefix = asString(child(source, 'prefix'));
    if (prefix) isEnvVarName(prefix).forEach((message) => findings.push(invalid({ code: 'env-name-invalid', path: [...at, 'prefix'], fr: 'Le préfixe doit former des noms de variables valides.' }, prefix, message)));
    const refs = ['configMapRef', 'secretRef'].filter((key) => isRecord(child(source, key)));
    for (const key of refs) {
      const name = asString(child(child(source, key), 'name')) ?? '';
      isDNS1123Subdomain(name).forEach((message) => findings.push(invalid({ code: 'env-ref-name', path: [...at, key, 'name'], fr: 'Donne le nom du ConfigMap ou du Secret à charger.' }, name, message)));
    }
    const base = { code: 'env-from-source', path: at, fr: 'Chaque entrée de envFrom charge soit un configMapRef, soit un secretRef.' };
    if (refs.length === 0) findings.push(invalid(base, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (refs.length > 1) findings.push(invalid(base, '', 'may not have more than one field specified at a time'));
  });
  return findings;
}

const HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];

function probe(value: unknown, path: Path, kind: 'liveness' | 'readiness' | 'startup'): Finding[] {
  if (!isRecord(value)) return [];
  const findings: Finding[] = [];
  let count = 0;
  for (const handler of HANDLERS.filter((key) => isRecord(value[key]))) {
    if (count++ > 0) {
      findings.push(forbidden({ code: 'probe-handler', path: [...path, handler], fr: 'Une sonde utilise un seul mécanisme : exec, httpGet, tcpSocket ou grpc.' }, 'may not specify more than 1 handler type'));
      continue;
    }
    const action = value[handler];
    if (handler === 'exec' && asArray(child(action, 'command')).length === 0) findings.push(required({ code: 'probe-command', path: [...path, 'exec', 'command'], fr: 'Donne la commande à exécuter.' }));
    if (handler === 'httpGet' || handler === 'tcpSocket') findings.push(...portNumOrName(child(action, 'port'), [...path, handler, 'port'], 'Le port de la sonde est un numéro (1-65535) ou le nom d’un port du conteneur.'));
  }
  if (count === 0) findings.push(required({ code: 'probe-handler', path, fr: 'Une sonde doit dire comment tester le conteneur : exec, httpGet, tcpSocket ou grpc.' }, 'must specify a handler type'));
  for (const counter of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    findings.push(...nonNegative(value[counter], [...path, counter], `${counter} ne peut pas être négatif.`));
  }
  const success = value.successThreshold;
  if (kind !== 'readiness' && typeof success === 'number' && success !== 1) {
    findings.push(invalid({ code: 'probe-success-threshold', path: [...path, 'successThreshold'], fr: 'Pour une sonde liveness ou startup, successThreshold vaut forcément 1.' }, success, 'must be 1'));
  }
  return findings;
}

function container(value: unknown, path: Path, regular: boolean): Finding[] {
  const findings: Finding[] = [];
  const name = asString(child(value, 'name'));
  if (name === '') findings.push(required({ code: 'container-name-required', path: [...path, 'name'], fr: NAME_FR }));
  else if (name !== undefined) isDNS1123Label(name).forEach((message) => findings.push(invalid({ code: 'container-name-invalid', path: [...path, 'name'], fr: NAME_FR }, name, message)));
  if ((asString(child(value, 'image')) ?? '') === '') {
    findings.push(required({ code: 'image-required', path: [...path, 'image'], fr: "Il manque l'image du conteneur (`image: nginx:1.27` par exemple) : sans image, rien à lancer." }));
  }
  findings.push(...containerPorts(child(value, 'ports'), [...path, 'ports']));
  findings.push(...env(child(value, 'env'), [...path, 'env']));
  findings.push(...envFrom(child(value, 'envFrom'), [...path, 'envFrom']));
  findings.push(...validateResources(child(value, 'resources'), [...path, 'resources']));
  if (regular) {
    findings.push(...probe(child(value, 'livenessProbe'), [...path, 'livenessProbe'], 'liveness'));
    findings.push(...probe(child(value, 'readinessProbe'), [...path, 'readinessProbe'], 'readiness'));
    findings.push(...probe(child(value, 'startupProbe'), [...path, 'startupProbe'], 'startup'));
    if (child(value, 'restartPolicy') !== undefined) {
      findings.push(forbidden({ code: 'container-restart-policy', path: [...path, 'restartPolicy'], fr: 'restartPolicy au niveau du conteneur est réservé aux conteneurs d’initialisation (sidecars) ; pour le Pod, mets-le dans spec.restartPolicy.' }, 'may not be set for non-init containers'));
    }
  }
  return findings;
}

/** The containers and init containers of one PodSpec. */
export function validateContainers(spec: KubeObject, path: Path): Finding[] {
  const findings: Finding[] = [];
  const containers = spec.containers;
  if (Array.isArray(containers) && containers.length === 0) {
    findings.push(required({ code: 'containers-required', path: [...path, 'containers'], fr: 'Un Pod doit avoir au moins un conteneur dans `containers`.' }));
  }
  const names = new Set<string>();
  const check = (list: unknown, key: string, regular: boolean) =>
    asArray(list).forEach((value, index) => {
      const at: Path = [...path, key, index];
      findings.push(...container(value, at, regular));
      const name = asString(child(value, 'name'));
      if (name === undefined || name === '') return;
      if (names.has(name)) findings.push(duplicate({ code: 'container-name-duplicate', path: [...at, 'name'], fr: 'Deux conteneurs de ce Pod portent le même nom : chaque nom doit être unique (conteneurs et conteneurs d’initialisation confondus).' }, name));
      else names.add(name);
    });
  check(containers, 'containers', true);
  check(spec.initContainers, 'initContainers', false);
  return findings;
}

/** Mirrors validateContainers and validateInitContainers on every validated PodSpec. */
export const containersRule: ValidationRule = {
  id: 'containers',
  kinds: POD_KINDS,
  check(object, context) {
    const pod = validatedPodSpec(object, context.info.kind);
    return pod ? validateContainers(pod.spec, pod.path) : [];
  },
};
