/**
 * The programs of the web-server images: nginx, httpd, traefik/whoami,
 * hashicorp/http-echo, the HPA walkthrough's php-apache, Prometheus, kube-state-metrics and Grafana. Each
 * returns a daemon with its startup log (the lines that identify the program; the prose
 * is kept short), or the exit a misuse gives.
 */
import type { ProgramResult } from './model';
import { ALWAYS_OK, daemon, exited, flag, serves, time, type ProgramContext } from './daemon';
import { KUBERNETES_VERSION } from '../version';

/** An image's own program: its result when `argv[0]` names it, else undefined. Pure. */
export type ImageProgram = (argv: string[], context: ProgramContext) => ProgramResult | undefined;

const base = (path: string | undefined) => (path ?? '').split('/').pop() ?? '';

/** nginx: `nginx -g 'daemon off;'` serves on 80; without `daemon off` it forks and PID 1 exits 0. */
export const nginx: ImageProgram = (argv, context) => {
  if (!['nginx', 'nginx-debug'].includes(base(argv[0]))) return undefined;
  const args = argv.slice(1);
  if (args.includes('-v') || args.includes('-V')) return exited(0, [`nginx version: nginx/${context.version}`]);
  if (args.includes('-t')) return exited(0, ['nginx: the configuration file /etc/nginx/nginx.conf syntax is ok', 'nginx: configuration file /etc/nginx/nginx.conf test is successful']);
  if (!/daemon\s+off/.test(flag(args, 'g') ?? '')) return { code: 0, durationMs: 20 };
  const entry = context.wrapped
    ? [
        '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
        '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
        '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
        '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
        '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
        '/docker-entrypoint.sh: Configuration complete; ready for start up',
      ]
    : [];
  const notice = (text: string) => (at: number) => `${time.slashes(at)} [notice] 1#1: ${text}`;
  return daemon({
    ports: [80],
    readyAfterMs: 120,
    cpuMillis: 0,
    memoryMi: 3.4,
    termExitCode: 0,
    http: serves('/', '/index.html', '/50x.html'),
    banner: () => [
      ...entry.map((text, index): [number, string] => [10 + index * 5, text]),
      [100, notice('using the "epoll" event method')],
      [100, notice(`nginx/${context.version}`)],
      [100, notice(context.alpine ? 'built by gcc 13.2.1 20240309 (Alpine 13.2.1_git20240309) ' : 'built by gcc 12.2.0 (Debian 12.2.0-14) ')],
      [100, notice('OS: Linux 6.8.0-1014-generic')],
      [100, notice('getrlimit(RLIMIT_NOFILE): 1048576:1048576')],
      [101, notice('start worker processes')],
      [101, notice('start worker process 29')],
      [101, notice('start worker process 30')],
    ],
  });
};

/** Apache httpd (`httpd-foreground`), and the php-apache image of the HPA walkthrough. */
function apache(name: string, version: string, context: ProgramContext, mpm: string, command: string): ProgramResult {
  const fqdn = `AH00558: ${name}: Could not reliably determine the server's fully qualified domain name, using ${context.podIP}. Set the 'ServerName' directive globally to suppress this message`;
  return daemon({
    ports: [80],
    readyAfterMs: 150,
    cpuMillis: 1,
    memoryMi: name === 'httpd' ? 7.2 : 11.5,
    termExitCode: 0,
    http: name === 'httpd' ? serves('/', '/index.html') : serves('/', '/index.php'),
    banner: () => [
      [60, fqdn],
      [70, fqdn],
      [120, (at) => `[${time.apache(at)}] [${mpm}:notice] [pid 1${mpm === 'mpm_event' ? ':tid 1' : ''}] AH00489: ${version} configured -- resuming normal operations`],
      [120, (at) => `[${time.apache(at)}] [core:notice] [pid 1${mpm === 'mpm_event' ? ':tid 1' : ''}] AH00094: Command line: '${command}'`],
    ],
  });
}

export const httpd: ImageProgram = (argv, context) =>
  ['httpd-foreground', 'httpd'].includes(base(argv[0])) ? apache('httpd', `Apache/${context.version} (Unix)`, context, 'mpm_event', 'httpd -D FOREGROUND') : undefined;

export const phpApache: ImageProgram = (argv, context) =>
  ['apache2-foreground', 'apache2'].includes(base(argv[0])) ? apache('apache2', 'Apache/2.4.10 (Debian) PHP/5.6.14', context, 'mpm_prefork', 'apache2 -D FOREGROUND') : undefined;

/** traefik/whoami: answers every path with the request and the host; `--port` or WHOAMI_PORT_NUMBER. */
export const whoami: ImageProgram = (argv, context) => {
  if (base(argv[0]) !== 'whoami') return undefined;
  const port = Number(flag(argv.slice(1), 'port') ?? context.env.WHOAMI_PORT_NUMBER ?? 80);
  return daemon({ ports: [port], readyAfterMs: 30, cpuMillis: 0, memoryMi: 1.8, termExitCode: 2, http: ALWAYS_OK, banner: [[20, (at) => `${time.slashes(at)} Starting up on port ${port}`]] });
};

/** hashicorp/http-echo: needs `-text`; listens on :5678 unless `-listen`. */
export const httpEcho: ImageProgram = (argv, context) => {
  if (base(argv[0]) !== 'http-echo') return undefined;
  const args = argv.slice(1);
  if (args.includes('-version')) return { code: 0, stdout: [`http-echo v${context.version}`], durationMs: 10 };
  if ((flag(args, 'text') ?? context.env.ECHO_TEXT ?? '') === '') return exited(127, ['Missing -text option!'], 10);
  const listen = flag(args, 'listen') ?? (context.env.PORT ? `:${context.env.PORT}` : ':5678');
  const port = Number(listen.split(':').pop());
  return daemon({ ports: [port], readyAfterMs: 30, cpuMillis: 0, memoryMi: 1.6, termExitCode: 2, http: ALWAYS_OK, banner: [[20, (at) => `${time.slashes(at)} [INFO] server is listening on ${listen}`]] });
};

/** gcr.io/google-samples/hello-app: `Hello, world!` on PORT (8080). */
export const helloApp: ImageProgram = (argv, context) => {
  if (base(argv[0]) !== 'hello-app') return undefined;
  const port = Number(context.env.PORT ?? 8080);
  return daemon({ ports: [port], readyAfterMs: 30, cpuMillis: 0, memoryMi: 2.1, termExitCode: 2, http: ALWAYS_OK, banner: [[20, (at) => `${time.slashes(at)} Server listening on port ${port}`]] });
};

/** prom/prometheus on 9090, ready once the TSDB is open. */
export const prometheus: ImageProgram = (argv, context) => {
  if (base(argv[0]) !== 'prometheus') return undefined;
  const info = (text: string, caller: string) => (at: number) => `ts=${time.iso(at)} caller=${caller} level=info ${text}`;
  const port = Number((flag(argv.slice(1), 'web.listen-address') ?? ':9090').split(':').pop());
  return daemon({
    ports: [port],
    readyAfterMs: 1800,
    cpuMillis: 4,
    memoryMi: 38,
    termExitCode: 0,
    http: serves('/', '/graph', '/metrics', '/-/ready', '/-/healthy', '/api/v1/query', '/federate'),
    banner: () => [
      [100, info('msg="No time or size retention was set so using the default time retention" duration=15d', 'main.go:601')],
      [110, info(`msg="Starting Prometheus Server" mode=server version="(version=${context.version}, branch=HEAD)"`, 'main.go:645')],
      [120, info(`msg="Starting TSDB ..."`, 'main.go:1148')],
      [400, info(`msg="Start listening for connections" address=0.0.0.0:${port}`, 'web.go:571 component=web')],
      [1700, info('msg="TSDB started"', 'main.go:1174')],
      [1750, info('msg="Loading configuration file" filename=/etc/prometheus/prometheus.yml', 'main.go:1375')],
      [1800, info('msg="Server is ready to receive web requests."', 'main.go:1135')],
    ],
  });
};

/** klog's header: `I0101 00:00:07.123000       1 `. */
const klog = (severity: 'I' | 'W', at: number): string => {
  const iso = time.iso(at);
  return `${severity}${iso.slice(5, 7)}${iso.slice(8, 10)} ${iso.slice(11, 23)}000       1 `;
};

/** kube-state-metrics: metrics on --port (8080), its own on --telemetry-port (8081), once it reached the API server. */
export const kubeStateMetrics: ImageProgram = (argv, context) => {
  if (base(argv[0]) !== 'kube-state-metrics') return undefined;
  const args = argv.slice(1);
  if (args.includes('--version') || args.includes('version')) return exited(0, [`kube-state-metrics, version: v${context.version} (branch: release-${context.version.split('.').slice(0, 2).join('.')})`]);
  const port = Number(flag(args, 'port') ?? 8080);
  const telemetry = Number(flag(args, 'telemetry-port') ?? 8081);
  const [major, minor] = KUBERNETES_VERSION.replace(/^v/, '').split('.');
  return daemon({
    ports: [port, telemetry],
    readyAfterMs: 400,
    cpuMillis: 2,
    memoryMi: 21,
    termExitCode: 0,
    http: serves('/', '/metrics', '/healthz', '/livez', '/readyz'),
    banner: () => [
      [50, (at) => `${klog('I', at)}wrapper.go:120] "Starting kube-state-metrics"`],
      [60, (at) => `${klog('I', at)}server.go:199] "Used default resources"`],
      [60, (at) => `${klog('I', at)}types.go:227] "Using all namespaces"`],
      [70, (at) => `${klog('W', at)}client_config.go:659] Neither --kubeconfig nor --master was specified.  Using the inClusterConfig.  This might not work.`],
      [200, (at) => `${klog('I', at)}server.go:346] "Tested communication with server"`],
      [210, (at) => `${klog('I', at)}server.go:348] "Run with Kubernetes cluster version" major="${major!}" minor="${minor!}" gitVersion="${KUBERNETES_VERSION}"`],
      [220, (at) => `${klog('I', at)}server.go:350] "Communication with server successful"`],
      [400, (at) => `${klog('I', at)}server.go:375] "Started metrics server" metricsServerAddress="[::]:${port}"`],
      [400, (at) => `${klog('I', at)}server.go:364] "Started kube-state-metrics self metrics server" telemetryAddress="[::]:${telemetry}"`],
    ],
  });
};

/** grafana/grafana on 3000 (GF_SERVER_HTTP_PORT), ready after its migrations. */
export const grafana: ImageProgram = (argv, context) => {
  if (!['run.sh', 'grafana', 'grafana-server'].includes(base(argv[0]))) return undefined;
  const port = Number(context.env.GF_SERVER_HTTP_PORT ?? 3000);
  const line = (logger: string, text: string) => (at: number) => `logger=${logger} t=${time.iso(at).replace('Z', '000000Z')} level=info ${text}`;
  return daemon({
    ports: [port],
    readyAfterMs: 3200,
    cpuMillis: 6,
    memoryMi: 72,
    termExitCode: 0,
    http: serves('/', '/login', '/api/health', '/metrics'),
    banner: () => [
      [200, line('settings', `msg="Starting Grafana" version=${context.version} branch=HEAD`)],
      [300, line('sqlstore', 'msg="Connecting to DB" dbtype=sqlite3')],
      [600, line('migrator', 'msg="Starting DB migrations"')],
      [2900, line('migrator', 'msg="migrations completed"')],
      [3200, line('http.server', `msg="HTTP Server Listen" address=[::]:${port} protocol=http subUrl= socket=`)],
    ],
  });
};
