/**
 * How the docker CLI prints: go-units' HumanDuration (`2 minutes`, `About an hour`) and
 * HumanSize (`187MB`, `1.84kB`), the `…` of truncated columns, and the tables of
 * `docker ps` and `docker images` (text/tabwriter with minwidth 10 and padding 3).
 */
import { alignTabs, type TabwriterOptions } from '../kubectl/tabwriter';

/** The docker CLI's table writer: `tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)`. */
export const DOCKER_TABWRITER: TabwriterOptions = { minWidth: 10, padding: 3 };

/** Header and rows as a docker table, each line ending with a newline. */
export function dockerTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return alignTabs(`${[header, ...rows].map((row) => row.join('\t')).join('\n')}\n`, DOCKER_TABWRITER);
}

/** Mirrors go-units HumanDuration: `Less than a second`, `5 seconds`, `About a minute`, `3 hours`, `2 weeks`. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.floor(ms / 3_600_000 + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(ms / 3_600_000 / 24 / 365)} years`;
}

/** Go's `%.<precision>g`: significant digits, trailing zeros dropped, Go's exponent form. */
function goG(value: number, precision: number): string {
  const text = value.toPrecision(precision);
  if (text.includes('e')) {
    const [mantissa, exponent] = text.split('e') as [string, string];
    const digits = Number(exponent);
    return `${mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa}e${digits < 0 ? '-' : '+'}${String(Math.abs(digits)).padStart(2, '0')}`;
  }
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

const DECIMAL_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];

/** Mirrors go-units HumanSizeWithPrecision (decimal units): `192MB`, `7.8MB`, `107B`. */
export function humanSize(bytes: number, precision = 4): string {
  let size = bytes;
  let unit = 0;
  while (size >= 1000 && unit < DECIMAL_UNITS.length - 1) {
    size /= 1000;
    unit++;
  }
  return `${goG(size, precision)}${DECIMAL_UNITS[unit]}`;
}

/** Mirrors docker/cli's stringutils.Ellipsis for ASCII text: at most `width` characters, `…` last. */
export function ellipsis(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  return `${chars.slice(0, width - 1).join('')}…`;
}

/** Go's strconv.Quote for the texts docker prints (quotes and backslashes escaped). */
export const goQuote = (text: string): string => JSON.stringify(text);

/** The 12 hex digits docker shows of an ID (`sha256:` dropped). */
export const shortId = (id: string): string => id.replace(/^sha256:/, '').slice(0, 12);

/** Seconds with one decimal, as BuildKit's plain progress prints durations (`0.1s`). */
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)}s`;

/** The length of `text` in UTF-8 bytes (what sizes count). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
