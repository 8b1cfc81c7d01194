/**
 * CronJob schedules as github.com/robfig/cron/v3 computes them (ParseStandard, then
 * Schedule.Next), the library kube-controller-manager v1.30 uses: five fields, names,
 * ranges, steps, the `@hourly`-style descriptors and `@every <duration>`, in UTC or in the
 * CronJob's timeZone. The syntax check and its error texts are the validation's
 * (api/validation/rules/cron.ts); this module only evaluates schedules that pass it.
 */
import { CRON_FIELDS, cronScheduleError, type CronField } from '../../api/validation/rules/cron';

export interface Schedule {
  /** The first activation strictly after `t` (epoch ms), or undefined when none within five years (Go's zero time). */
  next(t: number): number | undefined;
}

export type ScheduleResult = { ok: true; schedule: Schedule } | { ok: false; error: string };

/** The values a field allows, and robfig's starBit (`*` or `?`, which changes how day-of-month and day-of-week combine). */
interface Bits {
  values: boolean[];
  star: boolean;
}

interface Spec {
  minute: Bits;
  hour: Bits;
  dom: Bits;
  month: Bits;
  dow: Bits;
}

const only = (value: number): Bits => {
  const values: boolean[] = [];
  values[value] = true;
  return { values, star: false };
};
const every = (field: CronField): Bits => ({ values: Array.from({ length: field.max + 1 }, (_, i) => i >= field.min), star: true });

const DESCRIPTORS: Record<string, Spec> = {
  '@yearly': { minute: only(0), hour: only(0), dom: only(1), month: only(1), dow: every(CRON_FIELDS[4]!) },
  '@monthly': { minute: only(0), hour: only(0), dom: only(1), month: every(CRON_FIELDS[3]!), dow: every(CRON_FIELDS[4]!) },
  '@weekly': { minute: only(0), hour: only(0), dom: every(CRON_FIELDS[2]!), month: every(CRON_FIELDS[3]!), dow: only(0) },
  '@daily': { minute: only(0), hour: only(0), dom: every(CRON_FIELDS[2]!), month: every(CRON_FIELDS[3]!), dow: every(CRON_FIELDS[4]!) },
  '@hourly': { minute: only(0), hour: every(CRON_FIELDS[1]!), dom: every(CRON_FIELDS[2]!), month: every(CRON_FIELDS[3]!), dow: every(CRON_FIELDS[4]!) },
};
DESCRIPTORS['@annually'] = DESCRIPTORS['@yearly']!;
DESCRIPTORS['@midnight'] = DESCRIPTORS['@daily']!;

const valueOf = (text: string, field: CronField): number => field.names?.[text.toLowerCase()] ?? Number(text);

/** Mirrors getRange: `*`, `N`, `N-M`, each with an optional `/step` (`N/step` means `N-max/step`). */
function addRange(bits: Bits, expr: string, field: CronField): void {
  const [range, stepText] = expr.split('/');
  const bounds = range!.split('-');
  let start: number;
  let end: number;
  let star = false;
  if (bounds[0] === '*' || bounds[0] === '?') {
    start = field.min;
    end = field.max;
    star = true;
  } else {
    start = valueOf(bounds[0]!, field);
    end = bounds.length === 2 ? valueOf(bounds[1]!, field) : start;
  }
  let step = 1;
  if (stepText !== undefined) {
    step = Number(stepText);
    if (bounds.length === 1) end = field.max;
    if (step > 1) star = false;
  }
  for (let i = start; i <= end; i += step) bits.values[i] = true;
  if (star) bits.star = true;
}

function parseField(text: string, field: CronField): Bits {
  const bits: Bits = { values: [], star: false };
  for (const expr of text.split(',').filter((part) => part !== '')) addRange(bits, expr, field);
  return bits;
}

/** time.ParseDuration, for `@every` (already validated). */
function parseDuration(text: string): number {
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  for (const [, number, unit] of text.matchAll(/([0-9.]+)([a-zµμ]+)/g)) total += Number(number) * (units[unit!] ?? 0);
  return text.startsWith('-') ? -total : total;
}

// --- Time zones ------------------------------------------------------------------------

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at `t`, in ms (whole seconds). Throws a RangeError for an unknown zone. */
function zoneOffset(zone: string, t: number): number {
  if (zone === '' || zone === 'UTC') return 0;
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(t).map((part) => [part.type, Number(part.value)]));
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day, parts.hour, parts.minute, parts.second);
  return wall - Math.floor(t / 1000) * 1000;
}

/** Mirrors time.LoadLocation's error for an unknown zone, or undefined when the zone exists. */
export function timeZoneError(zone: string): string | undefined {
  try {
    zoneOffset(zone, 0);
    return undefined;
  } catch {
    return `unknown time zone ${zone}`;
  }
}

/** RFC 3339 in the zone: `2024-01-01T01:05:00+01:00`, `Z` at offset zero (Go's time.RFC3339). */
export function formatInZone(t: number, zone: string): string {
  const offset = zoneOffset(zone, t);
  const wall = new Date(Math.floor(t / 1000) * 1000 + offset).toISOString().slice(0, 19);
  if (offset === 0) return `${wall}Z`;
  const minutes = Math.abs(offset) / 60_000;
  return `${wall}${offset < 0 ? '-' : '+'}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

// --- Next activation ---------------------------------------------------------------------

const utc = (w: number): { y: number; mo: number; d: number; h: number; mi: number; s: number; wd: number } => {
  const date = new Date(w);
  return { y: date.getUTCFullYear(), mo: date.getUTCMonth(), d: date.getUTCDate(), h: date.getUTCHours(), mi: date.getUTCMinutes(), s: date.getUTCSeconds(), wd: date.getUTCDay() };
};

/** Mirrors dayMatches: with a `*` in either day field both must match, else either. */
function dayMatches(spec: Spec, w: number): boolean {
  const { d, wd } = utc(w);
  const dom = spec.dom.values[d] === true;
  const dow = spec.dow.values[wd] === true;
  return spec.dom.star || spec.dow.star ? dom && dow : dom || dow;
}

/**
 * Mirrors SpecSchedule.Next on wall-clock time (UTC arithmetic on the zone's local time):
 * each field is advanced until it matches, wrapping to the month when one overflows.
 */
function nextWall(spec: Spec, from: number): number | undefined {
  let w = Math.floor(from / 1000) * 1000 + 1000;
  let added = false;
  const yearLimit = utc(w).y + 5;
  wrap: for (;;) {
    let t = utc(w);
    if (t.y > yearLimit) return undefined;
    while (spec.month.values[t.mo + 1] !== true) {
      if (!added) {
        added = true;
        w = Date.UTC(t.y, t.mo, 1);
        t = utc(w);
      }
      w = Date.UTC(t.y, t.mo + 1, t.d, t.h, t.mi, t.s);
      t = utc(w);
      if (t.mo === 0) continue wrap;
    }
    while (!dayMatches(spec, w)) {
      if (!added) {
        added = true;
        w = Date.UTC(t.y, t.mo, t.d);
      }
      w += 86_400_000;
      t = utc(w);
      if (t.d === 1) continue wrap;
    }
    while (spec.hour.values[t.h] !== true) {
      if (!added) {
        added = true;
        w = Date.UTC(t.y, t.mo, t.d, t.h);
      }
      w += 3_600_000;
      t = utc(w);
      if (t.h === 0) continue wrap;
    }
    while (spec.minute.values[t.mi] !== true) {
      if (!added) {
        added = true;
        w = Date.UTC(t.y, t.mo, t.d, t.h, t.mi);
      }
      w += 60_000;
      t = utc(w);
      if (t.mi === 0) continue wrap;
    }
    // The standard parser fixes seconds at 0.
    if (t.s !== 0) {
      if (!added) added = true;
      w = Date.UTC(t.y, t.mo, t.d, t.h, t.mi) + 60_000;
      continue wrap;
    }
    return w;
  }
}

/**
 * Mirrors cron.ParseStandard with a `TZ=` prefix as formatSchedule builds it from
 * spec.timeZone: the schedule, or the parser's error.
 */
export function parseSchedule(text: string, timeZone = ''): ScheduleResult {
  const error = cronScheduleError(text);
  if (error !== undefined) return { ok: false, error };
  let spec = text.trim();
  let zone = timeZone;
  const prefix = /^(?:CRON_)?TZ=(\S+)\s+/.exec(spec);
  if (prefix) {
    zone = prefix[1]!;
    spec = spec.slice(prefix[0].length).trim();
  }
  const zoneError = timeZoneError(zone);
  if (zoneError) return { ok: false, error: `provided bad location ${zone}: ${zoneError}` };
  if (spec.startsWith('@every ')) {
    const delay = Math.max(1000, Math.floor(parseDuration(spec.slice('@every '.length).trim()) / 1000) * 1000);
    // Mirrors ConstantDelaySchedule.Next: the delay after t, on a whole second.
    return { ok: true, schedule: { next: (t) => Math.floor(t / 1000) * 1000 + delay } };
  }
  let fields: Spec;
  if (spec.startsWith('@')) fields = DESCRIPTORS[spec]!;
  else {
    const parts = spec.split(/\s+/);
    fields = {
      minute: parseField(parts[0]!, CRON_FIELDS[0]!),
      hour: parseField(parts[1]!, CRON_FIELDS[1]!),
      dom: parseField(parts[2]!, CRON_FIELDS[2]!),
      month: parseField(parts[3]!, CRON_FIELDS[3]!),
      dow: parseField(parts[4]!, CRON_FIELDS[4]!),
    };
  }
  return {
    ok: true,
    schedule: {
      next(t) {
        const wall = nextWall(fields, t + zoneOffset(zone, t));
        if (wall === undefined) return undefined;
        // Back from wall-clock time to an instant, with the offset in force then.
        return wall - zoneOffset(zone, wall - zoneOffset(zone, wall));
      },
    },
  };
}
