/**
 * curl and wget in the exec shell, over the simulated network (network.ts), with their
 * own outputs and errors: curl 8's `curl: (6) Could not resolve host: web`,
 * `curl: (7) Failed to connect to web port 80 after 2 ms: Couldn't connect to server`,
 * `-i`, `-I`, `-v`, `-s`, `-f`, `-L`, `-o /dev/null -w '%{http_code}'`; busybox wget's
 * `-qO-` and `saving to 'index.html'`.
 */
import type { ProgramResult } from '../../../simulator/src/kubelet/shell';
import type { StateReader } from '../../../simulator/src/kubelet/replay';
import type { JsonObject } from '../../../simulator/src/store/json';
import { httpRequest, parseUrl, REASONS, type HttpAnswer, type HttpOutcome, type Url } from './network';

export interface HttpContext {
  reader: StateReader;
  now: number;
  from: { pod?: JsonObject; namespace: string };
  /** Which endpoint a Service sends this request to. */
  pick: (count: number) => number;
}

/** curl's flags that take a value. */
const CURL_VALUES = new Set(['o', 'w', 'H', 'X', 'd', 'm', 'u', 'A', 'e', 'output', 'write-out', 'header', 'request', 'data', 'max-time', 'connect-timeout', 'user', 'user-agent', 'referer', 'retry']);

interface CurlOptions {
  url?: string;
  method: string;
  include: boolean;
  head: boolean;
  verbose: boolean;
  fail: boolean;
  follow: boolean;
  output?: string;
  writeOut?: string;
}

function curlOptions(args: readonly string[]): CurlOptions | string {
  const options: CurlOptions = { method: 'GET', include: false, head: false, verbose: false, fail: false, follow: false };
  const set = (flag: string, value: string | undefined): void => {
    if (flag === 'o' || flag === 'output') options.output = value;
    else if (flag === 'w' || flag === 'write-out') options.writeOut = value;
    else if (flag === 'X' || flag === 'request') options.method = (value ?? 'GET').toUpperCase();
    else if (flag === 'i' || flag === 'include') options.include = true;
    else if (flag === 'I' || flag === 'head') options.head = true;
    else if (flag === 'v' || flag === 'verbose') options.verbose = true;
    else if (flag === 'f' || flag === 'fail') options.fail = true;
    else if (flag === 'L' || flag === 'location') options.follow = true;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith('--')) {
      const [name = '', inline] = arg.slice(2).split(/=(.*)/s, 2);
      set(name, CURL_VALUES.has(name) ? (inline ?? args[++i]) : undefined);
    } else if (arg.startsWith('-') && arg.length > 1) {
      for (let k = 1; k < arg.length; k++) {
        const letter = arg[k]!;
        if (CURL_VALUES.has(letter)) {
          set(letter, k + 1 < arg.length ? arg.slice(k + 1) : args[++i]);
          break;
        }
        set(letter, undefined);
      }
    } else if (options.url === undefined) options.url = arg;
  }
  return options.url === undefined ? "curl: try 'curl --help' or 'curl --manual' for more information" : options;
}

const lines = (text: string): string[] => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));

function headerLines(answer: HttpAnswer): string[] {
  const length = new TextEncoder().encode(answer.body).length;
  return [`HTTP/1.1 ${answer.status} ${REASONS[answer.status] ?? ''}`.trimEnd(), ...Object.entries(answer.headers).map(([k, v]) => `${k}: ${v}`), `Content-Length: ${length}`, ''];
}

/** One request, following redirections with -L. */
function fetch(context: HttpContext, url: Url, method: string, follow: boolean): { outcome: HttpOutcome; url: Url } {
  let current = url;
  for (let hop = 0; ; hop++) {
    const outcome = httpRequest(context.reader, context.now, context.from, current, { method, pick: context.pick });
    const location = outcome.ok ? outcome.answer.headers.Location : undefined;
    if (!follow || !location || hop >= 5) return { outcome, url: current };
    current = parseUrl(location.startsWith('/') ? `${current.scheme}://${current.host}:${current.port}${location}` : location) ?? current;
  }
}

/** `curl [options] URL`. */
export function curl(args: readonly string[], context: HttpContext): ProgramResult {
  const options = curlOptions(args);
  if (typeof options === 'string') return { code: 2, stderr: [options] };
  const url = parseUrl(options.url!);
  if (!url) return { code: 3, stderr: [`curl: (3) URL rejected: Malformed input to a URL function`] };
  if (url.scheme !== 'http' && url.scheme !== 'https') return { code: 1, stderr: [`curl: (1) Protocol "${url.scheme}" not supported`] };
  const { outcome, url: last } = fetch(context, url, options.head ? 'HEAD' : options.method, options.follow);
  const stderr: string[] = [];
  if (options.verbose) stderr.push(outcome.ip ? `*   Trying ${outcome.ip}:${last.port}...` : `* Could not resolve host: ${last.host}`);
  if (!outcome.ok) {
    const message = {
      dns: `curl: (6) Could not resolve host: ${last.host}`,
      refused: `curl: (7) Failed to connect to ${last.host} port ${last.port} after 2 ms: Couldn't connect to server`,
      timeout: `curl: (28) Failed to connect to ${last.host} port ${last.port} after 130001 ms: Timeout was reached`,
      eof: `curl: (52) Empty reply from server`,
    }[outcome.failure];
    return { code: { dns: 6, refused: 7, timeout: 28, eof: 52 }[outcome.failure], stderr: [...stderr, message] };
  }
  if (url.scheme === 'https') return { code: 35, stderr: [...stderr, 'curl: (35) OpenSSL/3.0.13: error:0A00010B:SSL routines::wrong version number'] };
  const { answer } = outcome;
  const head = headerLines(answer);
  if (options.verbose) {
    stderr.push(`* Connected to ${last.host} (${outcome.ip}) port ${last.port}`, `> ${options.head ? 'HEAD' : options.method} ${last.path} HTTP/1.1`, `> Host: ${last.port === 80 ? last.host : `${last.host}:${last.port}`}`, '> User-Agent: curl/8.5.0', '> Accept: */*', '>');
    stderr.push(...head.map((line) => `< ${line}`.trimEnd()));
  }
  if (options.fail && answer.status >= 400) return { code: 22, stderr: [...stderr, `curl: (22) The requested URL returned error: ${answer.status}`] };
  const stdout: string[] = [];
  if (options.head || options.include) stdout.push(...head);
  if (!options.head && options.output === undefined) stdout.push(...lines(answer.body));
  if (options.writeOut !== undefined) {
    const out = options.writeOut.replace(/%\{http_code\}|%\{response_code\}/g, String(answer.status)).replace(/%\{remote_ip\}/g, outcome.ip).replace(/\\n/g, '\n');
    stdout.push(...out.split('\n').filter((line, index, all) => index < all.length - 1 || line !== ''));
  }
  if (options.verbose) stderr.push(`* Connection #0 to host ${last.host} left intact`);
  return { code: 0, stdout, stderr };
}

/** busybox `wget [-q] [-O FILE|-] URL`: the page to stdout with `-O -`, else saved under its name. */
export function wget(args: readonly string[], context: HttpContext, save: (path: string, content: string) => void): ProgramResult {
  let quiet = false;
  let output: string | undefined;
  let target: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-O' || arg === '--output-document') output = args[++i];
    else if (/^-[a-zA-Z]*O/.test(arg)) {
      quiet ||= arg.includes('q');
      output = arg.slice(arg.indexOf('O') + 1) || args[++i];
    } else if (/^-[a-zA-Z]+$/.test(arg)) quiet ||= arg.includes('q');
    else if (!arg.startsWith('-')) target = arg;
  }
  if (target === undefined) return { code: 1, stderr: ['BusyBox v1.36.1 multi-call binary.', '', 'Usage: wget [-cqS] [-O FILE] URL...'] };
  const url = parseUrl(target);
  if (!url) return { code: 1, stderr: [`wget: bad address '${target}'`] };
  const { outcome } = fetch(context, url, 'GET', true);
  const connecting = quiet || !outcome.ip ? [] : [`Connecting to ${url.host}${url.port === 80 ? '' : `:${url.port}`} (${outcome.ip}:${url.port})`];
  if (!outcome.ok) {
    if (outcome.failure === 'dns') return { code: 1, stderr: [`wget: bad address '${url.host}${url.port === 80 ? '' : `:${url.port}`}'`] };
    const why = outcome.failure === 'eof' ? 'error getting response' : outcome.failure === 'timeout' ? "download timed out" : `can't connect to remote host (${outcome.ip ?? url.host}): Connection refused`;
    return { code: 1, stderr: [...connecting, `wget: ${why}`] };
  }
  const { answer } = outcome;
  if (answer.status >= 400) return { code: 1, stderr: [...connecting, `wget: server returned error: HTTP/1.1 ${answer.status} ${REASONS[answer.status] ?? ''}`.trimEnd()] };
  if (output === '-') return { code: 0, stdout: lines(answer.body), stderr: connecting.length > 0 ? [...connecting, 'writing to stdout', '-                    100% |********************************|  ' + String(answer.body.length).padStart(4) + '  0:00:00 ETA', 'written to stdout'] : [] };
  const file = output ?? (url.path.split('?')[0]!.split('/').pop() || 'index.html');
  save(file, answer.body);
  return { code: 0, stderr: quiet ? [] : [...connecting, `saving to '${file}'`, `${file.padEnd(20)} 100% |********************************|  ${String(answer.body.length).padStart(4)}  0:00:00 ETA`, `'${file}' saved`] };
}
