/**
 * Job and CronJob: counters, the restartPolicy of their pods, the generated selector,
 * the cron schedule. Mirrors pkg/apis/batch/validation/validation.go (v1.30).
 */
import { goQuote, invalid, notSupported, required, type Finding } from '../finding';
import type { KubeObject, ValidationRule } from '../rule';
import { asString, child, get, goLabelSelector, invalidGo, isRecord, storedOld, stringMap, type Path } from './common';
import { cronScheduleError } from './cron';
import { nonNegative } from './intorpercent';
import { immutableSelector, selectorMatches, selectorMismatch, validateLabelSelector } from './selectors';

const COUNTERS: readonly [string, string][] = [
  ['parallelism', 'parallelism (le nombre de Pods en parallèle) ne peut pas être négatif.'],
  ['completions', 'completions (le nombre de réussites attendues) ne peut pas être négatif.'],
  ['activeDeadlineSeconds', 'activeDeadlineSeconds ne peut pas être négatif.'],
  ['backoffLimit', "backoffLimit (le nombre de nouvelles tentatives) ne peut pas être négatif."],
  ['ttlSecondsAfterFinished', 'ttlSecondsAfterFinished ne peut pas être négatif.'],
];

const RESTART_FR =
  "Un Job attend que ses Pods se terminent : leur restartPolicy doit valoir OnFailure ou Never. La valeur par défaut d'un Pod (Always) ne convient pas, il faut donc l'écrire dans le modèle.";

/** validateJobSpec: the counters, then the pods' restartPolicy (OnFailure or Never, never the default). */
function jobSpec(spec: unknown, path: Path): Finding[] {
  const findings: Finding[] = [];
  for (const [name, fr] of COUNTERS) findings.push(...nonNegative(child(spec, name), [...path, name], fr));
  const policy = asString(get(spec, 'template', 'spec', 'restartPolicy')) ?? '';
  const policyPath: Path = [...path, 'template', 'spec', 'restartPolicy'];
  if (policy === 'Always' || policy === '') {
    findings.push(required({ code: 'job-restart-policy', path: policyPath, fr: RESTART_FR }, `valid values: ${goQuote('OnFailure')}, ${goQuote('Never')}`));
  } else if (policy !== 'OnFailure' && policy !== 'Never') {
    findings.push(notSupported({ code: 'job-restart-policy', path: policyPath, fr: RESTART_FR }, policy, ['OnFailure', 'Never']));
  }
  return findings;
}

// The labels generateSelector puts in a Job's selector (pkg/registry/batch/job/strategy.go).
const GENERATED_KEYS = new Set(['controller-uid', 'batch.kubernetes.io/controller-uid', 'job-name', 'batch.kubernetes.io/job-name']);

/**
 * validateGeneratedSelector and ValidateJobSpec's selector part. Without manualSelector,
 * the API server generates the selector (a controller-uid label) and a selector of one's
 * own cannot match it.
 */
function jobSelector(object: KubeObject): Finding[] {
  const selector = get(object, 'spec', 'selector');
  const manual = get(object, 'spec', 'manualSelector') === true;
  if (!isRecord(selector)) {
    return manual ? [required({ code: 'job-selector-required', path: ['spec', 'selector'], fr: 'Avec manualSelector: true, tu dois écrire toi-même le selector du Job.' })] : [];
  }
  const findings = validateLabelSelector(selector, ['spec', 'selector']);
  const own = Object.keys(stringMap(selector.matchLabels) ?? {}).some((key) => !GENERATED_KEYS.has(key)) || Array.isArray(selector.matchExpressions);
  if (!manual && own) {
    findings.push(
      invalidGo(
        { code: 'job-selector-not-generated', path: ['spec', 'selector'], fr: "Le selector d'un Job est généré par Kubernetes (un label controller-uid unique) : retire `spec.selector`, ou ajoute `manualSelector: true` si tu sais ce que tu fais." },
        goLabelSelector(selector),
        '`selector` not auto-generated',
      ),
    );
  }
  if (manual && findings.length === 0) {
    const labels = stringMap(get(object, 'spec', 'template', 'metadata', 'labels'));
    if (!selectorMatches(selector, labels)) findings.push(selectorMismatch(labels, ['spec', 'template', 'metadata', 'labels']));
  }
  return findings;
}

/** Mirrors ValidateJob and ValidateJobSpecUpdate (selector immutability). */
export const jobRule: ValidationRule = {
  id: 'job',
  kinds: ['Job'],
  check: (object, context) => [...jobSelector(object), ...jobSpec(object.spec, ['spec']), ...immutableSelector(object, storedOld(context))],
};

function schedule(object: KubeObject, old: KubeObject | undefined): Finding[] {
  const text = asString(get(object, 'spec', 'schedule'));
  const path: Path = ['spec', 'schedule'];
  if (text === undefined) return [];
  if (text === '') return [required({ code: 'schedule-required', path, fr: 'Il manque la planification (`schedule`), au format cron : « minute heure jour mois jour-de-semaine ».' })];
  const findings: Finding[] = [];
  const error = cronScheduleError(text);
  if (error) {
    findings.push(
      invalid(
        { code: 'schedule-invalid', path, fr: "La planification n'est pas une expression cron valide. Il faut 5 champs : minute (0-59), heure (0-23), jour du mois (1-31), mois (1-12), jour de la semaine (0-6, 0 = dimanche). Exemple : « 30 2 * * * » tous les jours à 2 h 30." },
        text,
        error,
      ),
    );
  }
  const allowTZ = (asString(get(old, 'spec', 'schedule')) ?? '').includes('TZ');
  if (allowTZ && text.includes('TZ') && get(object, 'spec', 'timeZone') !== undefined) {
    findings.push(invalid({ code: 'schedule-timezone', path, fr: 'Donne le fuseau horaire soit dans `timeZone`, soit dans la planification, pas les deux.' }, text, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'));
  } else if (!allowTZ && text.includes('TZ')) {
    findings.push(invalid({ code: 'schedule-timezone', path, fr: 'Le fuseau horaire se donne dans le champ `timeZone` (par exemple « Europe/Paris »), pas dans la planification.' }, text, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  }
  return findings;
}

const TIME_ZONE_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

/** validateTimeZone, without the zone database: the name's shape and `Local`. */
function timeZone(object: KubeObject): Finding[] {
  const zone = get(object, 'spec', 'timeZone');
  if (typeof zone !== 'string') return [];
  const base = { code: 'timezone-invalid', path: ['spec', 'timeZone'], fr: 'Le fuseau horaire est un nom de la base IANA, comme « Europe/Paris » ou « Etc/UTC ».' };
  if (zone === '') return [invalid(base, zone, 'timeZone must be nil or non-empty string')];
  if (zone.split('/').some((part) => part === '.' || part === '..' || part.startsWith('-') || !TIME_ZONE_PART.test(part))) return [invalid(base, zone, `unknown time zone ${zone}`)];
  if (zone.toLowerCase() === 'local') return [invalid(base, zone, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones')];
  return [];
}

/** ValidateJobTemplateSpec: a CronJob's jobs always get a generated selector. */
function jobTemplate(object: KubeObject): Finding[] {
  const spec = get(object, 'spec', 'jobTemplate', 'spec');
  const findings = jobSpec(spec, ['spec', 'jobTemplate', 'spec']);
  const selector = child(spec, 'selector');
  if (isRecord(selector)) {
    findings.push(
      invalidGo(
        { code: 'job-selector-not-generated', path: ['spec', 'jobTemplate', 'spec', 'selector'], fr: 'Les Jobs créés par un CronJob reçoivent un selector généré : retire `selector` du modèle.' },
        goLabelSelector(selector),
        '`selector` will be auto-generated',
      ),
    );
  }
  if (child(spec, 'manualSelector') === true) {
    findings.push(notSupported({ code: 'manual-selector-unsupported', path: ['spec', 'jobTemplate', 'spec', 'manualSelector'], fr: 'manualSelector n’est pas permis dans le modèle de Job d’un CronJob.' }, true, ['nil', 'false']));
  }
  return findings;
}

/** Mirrors ValidateCronJobCreate / validateCronJobSpec (the 52-character name limit is in names.ts). */
export const cronJobRule: ValidationRule = {
  id: 'cronjob',
  kinds: ['CronJob'],
  check: (object, { old }) => [
    ...schedule(object, old),
    ...nonNegative(get(object, 'spec', 'startingDeadlineSeconds'), ['spec', 'startingDeadlineSeconds'], 'startingDeadlineSeconds ne peut pas être négatif.'),
    ...timeZone(object),
    ...jobTemplate(object),
    ...nonNegative(get(object, 'spec', 'successfulJobsHistoryLimit'), ['spec', 'successfulJobsHistoryLimit'], "L'historique des Jobs réussis ne peut pas être négatif."),
    ...nonNegative(get(object, 'spec', 'failedJobsHistoryLimit'), ['spec', 'failedJobsHistoryLimit'], "L'historique des Jobs échoués ne peut pas être négatif."),
  ],
};
