/**
 * The Prometheus text exposition format (version 0.0.4) as client_golang and
 * kube-state-metrics write it: `# HELP` and `# TYPE` before each family's samples, labels
 * in the order the exporter gives them, values as Go's strconv.FormatFloat(v, 'g', -1, 64)
 * (`1`, `0.25`, `1.5e+09`), an optional timestamp in milliseconds (cAdvisor's).
 */

export type Labels = readonly (readonly [string, string])[];

export interface Sample {
  labels: Labels;
  value: number;
  /** Epoch milliseconds, written after the value when set. */
  timestamp?: number;
}

export interface Family {
  name: string;
  help: string;
  type: 'gauge' | 'counter';
  samples: Sample[];
}

/** Go's FormatFloat(v, 'g', -1, 64): shortest digits, exponent form below 1e-4 or from 1e+06. */
export function goFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const [mantissa, exponentText] = value.toExponential().split('e') as [string, string];
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 6) {
    const sign = exponent < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return String(value);
}

/** Label values escape backslash, double quote and newline. */
const escapeValue = (value: string): string => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
/** HELP texts escape backslash and newline. */
const escapeHelp = (text: string): string => text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');

/** One family in the text format (a family without samples still gets its HELP and TYPE lines, as KSM writes them). */
export function renderFamily(family: Family): string {
  let out = `# HELP ${family.name} ${escapeHelp(family.help)}\n# TYPE ${family.name} ${family.type}\n`;
  for (const sample of family.samples) {
    const labels = sample.labels.length === 0 ? '' : `{${sample.labels.map(([key, value]) => `${key}="${escapeValue(value)}"`).join(',')}}`;
    out += `${family.name}${labels} ${goFloat(sample.value)}${sample.timestamp === undefined ? '' : ` ${sample.timestamp}`}\n`;
  }
  return out;
}

/** KSM's resource names in labels: `ephemeral-storage` -> `ephemeral_storage`, `nvidia.com/gpu` -> `nvidia_com_gpu`. */
export const sanitizeLabelName = (name: string): string => name.replace(/[^a-zA-Z0-9_]/g, '_');

/** The three samples KSM writes for a condition status: `true`, `false`, `unknown`, one of them 1. */
export function conditionSamples(base: Labels, status: unknown, key = 'condition'): Sample[] {
  return (['true', 'false', 'unknown'] as const).map((value) => ({
    labels: [...base, [key, value] as const],
    value: String(status).toLowerCase() === value ? 1 : 0,
  }));
}
