/**
 * The cron syntax of CronJob.spec.schedule, as github.com/robfig/cron/v3 ParseStandard
 * (the parser kube-apiserver v1.30 uses) reads it, with its error texts.
 */

export interface CronField {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

// Mirrors robfig/cron/v3 spec.go: minutes, hours, day of month, month, day of week.
// The CronJob controller's schedule (controllers/cronjob/schedule.ts) evaluates with the same table.
export const CRON_FIELDS: readonly CronField[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: Object.fromEntries(MONTHS.map((name, index) => [name, index + 1])) },
  { min: 0, max: 6, names: Object.fromEntries(DAYS.map((name, index) => [name, index])) },
];

const DESCRIPTORS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

/** strconv.Atoi with Go's error text. */
function atoi(text: string): number | string {
  if (!/^[+-]?\d+$/.test(text)) return `strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`;
  const value = Number(text);
  if (!Number.isSafeInteger(value)) return `strconv.Atoi: parsing ${JSON.stringify(text)}: value out of range`;
  return value;
}

/** mustParseInt: a non-negative integer. */
function parseInt(expr: string): number | Error {
  const value = atoi(expr);
  if (typeof value === 'string') return new Error(`failed to parse int from ${expr}: ${value}`);
  if (value < 0) return new Error(`negative number (${value}) not allowed: ${expr}`);
  return value;
}

function parseIntOrName(expr: string, bounds: CronField): number | Error {
  const named = bounds.names?.[expr.toLowerCase()];
  return named ?? parseInt(expr);
}

/** getRange: `*`, `N`, `N-M`, each optionally `/step`. */
function checkRange(expr: string, bounds: CronField): string | undefined {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0]!.split('-');
  let start: number;
  let end: number;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = bounds.min;
    end = bounds.max;
  } else {
    const low = parseIntOrName(lowAndHigh[0]!, bounds);
    if (low instanceof Error) return low.message;
    start = end = low;
    if (lowAndHigh.length === 2) {
      const high = parseIntOrName(lowAndHigh[1]!, bounds);
      if (high instanceof Error) return high.message;
      end = high;
    } else if (lowAndHigh.length > 2) return `too many hyphens: ${expr}`;
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    const parsed = parseInt(rangeAndStep[1]!);
    if (parsed instanceof Error) return parsed.message;
    step = parsed;
    if (lowAndHigh.length === 1) end = bounds.max;
  } else if (rangeAndStep.length > 2) return `too many slashes: ${expr}`;
  if (start < bounds.min) return `beginning of range (${start}) below minimum (${bounds.min}): ${expr}`;
  if (end > bounds.max) return `end of range (${end}) above maximum (${bounds.max}): ${expr}`;
  if (start > end) return `beginning of range (${start}) beyond end of range (${end}): ${expr}`;
  if (step === 0) return `step of range should be a positive number: ${expr}`;
  return undefined;
}

const DURATION_UNITS = new Set(['ns', 'us', 'µs', 'μs', 'ms', 's', 'm', 'h']);

/** time.ParseDuration's error, or undefined when the duration parses. */
function durationError(text: string): string | undefined {
  const quoted = JSON.stringify(text);
  let rest = text.replace(/^[+-]/, '');
  if (rest === '0') return undefined;
  if (rest === '') return `time: invalid duration ${quoted}`;
  while (rest !== '') {
    const number = /^(\d*)(\.\d*)?/.exec(rest)!;
    if (number[0] === '' || number[0] === '.') return `time: invalid duration ${quoted}`;
    rest = rest.slice(number[0].length);
    const unit = /^[^0-9.]*/.exec(rest)![0];
    if (unit === '') return `time: missing unit in duration ${quoted}`;
    if (!DURATION_UNITS.has(unit)) return `time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}`;
    rest = rest.slice(unit.length);
  }
  return undefined;
}

function descriptorError(spec: string): string | undefined {
  if (DESCRIPTORS.has(spec)) return undefined;
  if (spec.startsWith('@every ')) {
    const error = durationError(spec.slice('@every '.length));
    return error === undefined ? undefined : `failed to parse duration ${spec}: ${error}`;
  }
  return `unrecognized descriptor: ${spec}`;
}

/**
 * cron.ParseStandard's error for `schedule`, or undefined when it parses. A `TZ=` or
 * `CRON_TZ=` prefix is skipped (the zone itself is not checked: no zone database here).
 */
export function cronScheduleError(schedule: string): string | undefined {
  if (schedule === '') return 'empty spec string';
  let spec = schedule;
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) spec = spec.slice(spec.indexOf(' ') + 1).trim();
  if (spec.startsWith('@')) return descriptorError(spec);
  const fields = spec.split(/\s+/).filter((field) => field !== '');
  if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`;
  for (const [index, field] of fields.entries()) {
    for (const expr of field.split(',').filter((part) => part !== '')) {
      const error = checkRange(expr, CRON_FIELDS[index]!);
      if (error) return error;
    }
  }
  return undefined;
}
