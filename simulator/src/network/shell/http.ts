/**
 * curl and wget in the exec shell, over the simulated network (../http.ts), with their
 * own outputs and errors: curl 8's `curl: (6) Could not resolve host: web`,
 * `curl: (7) Failed to connect to web port 80 after 2 ms: Couldn't connect to server`,
 * the time-out of a connection a NetworkPolicy drops (`curl: (28) Failed to connect to web
 * port 80 after 130004 ms: Couldn't connect to server`, the kernel giving up its SYN
 * retries; `... after 2002 ms: Timeout was reached` with `--connect-timeout 2` or `-m 2`,
 * as curl's connect filter words it), `-i`, `-I`, `-v`, `-s`, `-f`, `-L`, `-k`,
 * `-H 'Host: x'`, `--resolve`, `-o /dev/null -w '%{http_code}'`; busybox wget's `-qO-`,
 * `saving to 'index.html'`, `-T` and `wget: download timed out`.
 */
import { byteLength } from '../../api/validation/rules/formats';
import type { ProgramResult } from '../../kubelet/shell';
import type { StateReader } from '../../kubelet/replay';
import type { JsonObject } from '../../store/json';
import { httpRequest, parseUrl, REASONS, type HttpAnswer, type HttpOutcome, type RequestOptions, type Url } from '../http';

export interface HttpContext {
  reader: StateReader;
  now: number;
  from: { pod?: JsonObject; namespace: string };
  /** Which endpoint a Service sends this request to. */
  pick: (count: number) => number;
}

/** How long Linux retries a SYN nobody answers (tcp_syn_retries = 6) before ETIMEDOUT, as curl reports it. */
const KERNEL_CONNECT_TIMEOUT_MS = 130_004;

/** curl's flags that take a value. */
const CURL_VALUES = new Set(['o', 'w', 'H', 'X', 'd', 'm', 'u', 'A', 'e', 'output', 'write-out', 'header', 'request', 'data', 'max-time', 'connect-timeout', 'user', 'user-agent', 'referer', 'retry', 'resolve']);

interface CurlOptions {
  url?: string;
  method: string;
  include: boolean;
  head: boolean;
  verbose: boolean;
  fail: boolean;
  follow: boolean;
  insecure: boolean;
  output?: string;
  writeOut?: string;
  /** `-H 'Host: x'`. */
  host?: string;
  /** `--connect-timeout` or `-m`, in seconds (the smaller). */
  timeout?: number;
  resolve: Record<string, string>;
}

function curlOptions(args: readonly string[]): CurlOptions | string {
  const options: CurlOptions = { method: 'GET', include: false, head: false, verbose: false, fail: false, follow: false, insecure: false, resolve: {} };
  const set = (flag: string, value: string | undefined): void => {
    if (flag === 'o' || flag === 'output') options.output = value;
    else if (flag === 'w' || flag === 'write-out') options.writeOut = value;
    else if (flag === 'X' || flag === 'request') options.method = (value ?? 'GET').toUpperCase();
    else if (flag === 'i' || flag === 'include') options.include = true;
    else if (flag === 'I' || flag === 'head') options.head = true;
    else if (flag === 'v' || flag === 'verbose') options.verbose = true;
    else if (flag === 'f' || flag === 'fail') options.fail = true;
    else if (flag === 'L' || flag === 'location') options.follow = true;
    else if (flag === 'k' || flag === 'insecure') options.insecure = true;
    else if ((flag === 'H' || flag === 'header') && /^host:/i.test(value ?? '')) options.host = value!.slice(5).trim();
    else if (flag === 'm' || flag === 'max-time' || flag === 'connect-timeout') {
      const seconds = Number(value);
      if (Number.isFinite(seconds) && seconds > 0) options.timeout = Math.min(options.timeout ?? seconds, seconds);
    } else if (flag === 'resolve') {
      const match = /^([^:]+):(\d+):(.+)$/.exec(value ?? '');
      if (match) options.resolve[`${match[1]}:${match[2]}`] = match[3]!.replace(/^\[|\]$/g, '');
    }
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
  const length = byteLength(answer.body);
  return [`HTTP/1.1 ${answer.status} ${REASONS[answer.status] ?? ''}`.trimEnd(), ...Object.entries(answer.headers).map(([k, v]) => `${k}: ${v}`), `Content-Length: ${length}`, ''];
}

/** One request, following redirections with -L. */
function fetch(context: HttpContext, url: Url, options: RequestOptions, follow: boolean): { outcome: HttpOutcome; url: Url } {
  let current = url;
  for (let hop = 0; ; hop++) {
    const outcome = httpRequest(context.reader, context.now, context.from, current, { ...options, pick: context.pick });
    const location = outcome.ok ? outcome.answer.headers.Location : undefined;
    if (!follow || !location || hop >= 5) return { outcome, url: current };
    current = parseUrl(location.startsWith('/') ? `${current.scheme}://${current.host}:${current.port}${location}` : location) ?? current;
  }
}

/** curl's message for a connection that failed. */
function failureMessage(outcome: Extract<HttpOutcome, { ok: false }>, url: Url, timeout: number | undefined): { code: number; message: string } {
  switch (outcome.failure) {
    case 'dns':
      return { code: 6, message: `curl: (6) Could not resolve host: ${url.host}` };
    case 'refused':
      return { code: 7, message: `curl: (7) Failed to connect to ${url.host} port ${url.port} after 2 ms: Couldn't connect to server` };
    case 'timeout':
      return {
        code: 28,
        message:
          timeout === undefined
            ? `curl: (28) Failed to connect to ${url.host} port ${url.port} after ${KERNEL_CONNECT_TIMEOUT_MS} ms: Couldn't connect to server`
            : `curl: (28) Failed to connect to ${url.host} port ${url.port} after ${Math.round(timeout * 1000) + 2} ms: Timeout was reached`,
      };
    case 'eof':
      return { code: 52, message: 'curl: (52) Empty reply from server' };
  }
}

/** `curl [options] URL`. */
export function curl(args: readonly string[], context: HttpContext): ProgramResult {
  const options = curlOptions(args);
  if (typeof options === 'string') return { code: 2, stderr: [options] };
  const url = parseUrl(options.url!);
  if (!url) return { code: 3, stderr: [`curl: (3) URL rejected: Malformed input to a URL function`] };
  if (url.scheme !== 'http' && url.scheme !== 'https') return { code: 1, stderr: [`curl: (1) Protocol "${url.scheme}" not supported`] };
  const method = options.head ? 'HEAD' : options.method;
  const { outcome, url: last } = fetch(context, url, { method, resolve: options.resolve, ...(options.host ? { host: options.host } : {}) }, options.follow);
  const stderr: string[] = [];
  if (options.verbose) stderr.push(outcome.ip ? `*   Trying ${outcome.ip}:${last.port}...` : `* Could not resolve host: ${last.host}`);
  if (!outcome.ok) {
    const { code, message } = failureMessage(outcome, last, options.timeout);
    return { code, stderr: [...stderr, message], durationMs: code === 28 ? (options.timeout ?? KERNEL_CONNECT_TIMEOUT_MS / 1000) * 1000 : 0 };
  }
  if (url.scheme === 'https') {
    // The ingress controller's "Kubernetes Ingress Controller Fake Certificate"; other servers speak plain HTTP.
    if (!outcome.tls) return { code: 35, stderr: [...stderr, 'curl: (35) OpenSSL/3.0.13: error:0A00010B:SSL routines::wrong version number'] };
    if (!options.insecure) return { code: 60, stderr: [...stderr, 'curl: (60) SSL certificate problem: self-signed certificate', 'More details here: https://curl.se/docs/sslcerts.html', '', 'curl failed to verify the legitimacy of the server and therefore could not', 'establish a secure connection to it. To learn more about this situation and', 'how to fix it, please visit the web page mentioned above.'] };
  }
  const { answer } = outcome;
  const head = headerLines(answer);
  if (options.verbose) {
    const host = options.host ?? (last.port === 80 ? last.host : `${last.host}:${last.port}`);
    stderr.push(`* Connected to ${last.host} (${outcome.ip}) port ${last.port}`, `> ${method} ${last.path} HTTP/1.1`, `> Host: ${host}`, '> User-Agent: curl/8.5.0', '> Accept: */*', '>');
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

/** busybox `wget [-q] [-O FILE|-] [-T SEC] [--header 'Host: x'] [--spider] URL`: the page to stdout with `-O -`, else saved under its name. */
export function wget(args: readonly string[], context: HttpContext, save: (path: string, content: string) => void): ProgramResult {
  let quiet = false;
  let output: string | undefined;
  let target: string | undefined;
  let timeout: number | undefined;
  let spider = false;
  let host: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const long = /^--(timeout|output-document|header)(?:=(.*))?$/.exec(arg);
    if (long) {
      const value = long[2] ?? args[++i];
      if (long[1] === 'timeout') timeout = Number(value);
      else if (long[1] === 'header') host = /^host:/i.test(value ?? '') ? value!.slice(5).trim() : host;
      else output = value;
    } else if (arg === '--spider') spider = true;
    else if (arg === '-O') output = args[++i];
    else if (arg === '-T') timeout = Number(args[++i]);
    else if (/^-[a-zA-Z]*O/.test(arg)) {
      quiet ||= arg.includes('q');
      output = arg.slice(arg.indexOf('O') + 1) || args[++i];
    } else if (/^-[a-zA-Z]+$/.test(arg)) quiet ||= arg.includes('q');
    else if (!arg.startsWith('-')) target = arg;
  }
  if (target === undefined) return { code: 1, stderr: ['BusyBox v1.36.1 multi-call binary.', '', 'Usage: wget [-cqS] [-O FILE] URL...'] };
  const url = parseUrl(target);
  if (!url) return { code: 1, stderr: [`wget: bad address '${target}'`] };
  const { outcome } = fetch(context, url, { method: spider ? 'HEAD' : 'GET', userAgent: 'Wget', ...(host ? { host } : {}) }, true);
  const address = `${url.host}${url.port === 80 ? '' : `:${url.port}`}`;
  const connecting = quiet || !outcome.ip ? [] : [`Connecting to ${address} (${outcome.ip}:${url.port})`];
  if (!outcome.ok) {
    if (outcome.failure === 'dns') return { code: 1, stderr: [`wget: bad address '${address}'`] };
    if (outcome.failure === 'timeout') {
      // busybox: `-T` arms its own timer; without it, the kernel's connect() gives up (ETIMEDOUT).
      const why = timeout !== undefined && timeout > 0 ? 'download timed out' : `can't connect to remote host (${outcome.ip ?? url.host}): Connection timed out`;
      return { code: 1, stderr: [...connecting, `wget: ${why}`], durationMs: timeout !== undefined && timeout > 0 ? timeout * 1000 : KERNEL_CONNECT_TIMEOUT_MS };
    }
    const why = outcome.failure === 'eof' ? 'error getting response' : `can't connect to remote host (${outcome.ip ?? url.host}): Connection refused`;
    return { code: 1, stderr: [...connecting, `wget: ${why}`] };
  }
  const { answer } = outcome;
  if (answer.status >= 400) return { code: 1, stderr: [...connecting, `wget: server returned error: HTTP/1.1 ${answer.status} ${REASONS[answer.status] ?? ''}`.trimEnd()] };
  if (spider) return { code: 0, stderr: connecting.length > 0 ? [...connecting, 'remote file exists'] : [] };
  if (output === '-') return { code: 0, stdout: lines(answer.body), stderr: connecting.length > 0 ? [...connecting, 'writing to stdout', '-                    100% |********************************|  ' + String(answer.body.length).padStart(4) + '  0:00:00 ETA', 'written to stdout'] : [] };
  const file = output ?? (url.path.split('?')[0]!.split('/').pop() || 'index.html');
  save(file, answer.body);
  return { code: 0, stderr: quiet ? [] : [...connecting, `saving to '${file}'`, `${file.padEnd(20)} 100% |********************************|  ${String(answer.body.length).padStart(4)}  0:00:00 ETA`, `'${file}' saved`] };
}
