/**
 * Probes as the kubelet's prober runs them (pkg/kubelet/prober): an HTTP GET, a TCP
 * connect, a gRPC health check or a command, against a running container at a given
 * time. Results and failure texts are the prober's: `Get "http://10.244.1.5:8080/":
 * dial tcp 10.244.1.5:8080: connect: connection refused`, `HTTP probe failed with
 * statuscode: 404`, or a command's output.
 */
import { isJsonObject, type JsonObject } from '../store/json';
import { expandReferences } from './config';
import type { ProcessSpec } from './machine';
import type { Plan } from './plan';
import { runProcess } from './shell';
import { list, text } from './util';

export type ProbeKind = 'startup' | 'liveness' | 'readiness';

/** What a probe sees of a running container instance. */
export interface ProbeView {
  podIP: string;
  container: JsonObject;
  env: Record<string, string>;
  plan: Plan;
  /** The process, rebuilt when a command probe needs its files (a running container does not keep it). */
  process: () => ProcessSpec;
}

export interface ProbeResult {
  ok: boolean;
  output: string;
}

export interface ProbeTiming {
  initialDelayMs: number;
  periodMs: number;
  timeoutMs: number;
  failureThreshold: number;
  successThreshold: number;
}

const num = (value: unknown, fallback: number): number => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);

/** The probe's timing, with the API defaults (period 10 s, timeout 1 s, thresholds 3 and 1). */
export function probeTiming(probe: JsonObject): ProbeTiming {
  return {
    initialDelayMs: num(probe.initialDelaySeconds, 0) * 1000,
    periodMs: Math.max(1, num(probe.periodSeconds, 10)) * 1000,
    timeoutMs: Math.max(1, num(probe.timeoutSeconds, 1)) * 1000,
    failureThreshold: Math.max(1, num(probe.failureThreshold, 3)),
    successThreshold: Math.max(1, num(probe.successThreshold, 1)),
  };
}

/** The container's probe of that kind, if any. */
export function probeOf(container: JsonObject, kind: ProbeKind): JsonObject | undefined {
  const probe = container[`${kind}Probe`];
  return isJsonObject(probe) ? probe : undefined;
}

/** Ports the container listens on at `at`. */
function listening(plan: Plan, at: number): number[] {
  const daemon = plan.daemon;
  return daemon && at >= daemon.at + daemon.readyAfterMs ? daemon.ports : [];
}

/** A named port (`http`) resolves through the container's ports. */
function resolvePort(container: JsonObject, port: unknown): number {
  if (typeof port === 'number') return port;
  const named = list(container.ports).find((entry) => entry.name === port);
  return named ? Number(named.containerPort) : Number(port) || 0;
}

/** Client commands images ship for their exec probes: the port they check and what they print. */
const CLIENTS: Record<string, { port: number; ok: string; fail: (ip: string) => string; code: number }> = {
  'redis-cli': { port: 6379, ok: 'PONG', fail: () => 'Could not connect to Redis at 127.0.0.1:6379: Connection refused', code: 1 },
  pg_isready: { port: 5432, ok: '/var/run/postgresql:5432 - accepting connections', fail: () => '/var/run/postgresql:5432 - no response', code: 2 },
  mysqladmin: { port: 3306, ok: 'mysqld is alive', fail: () => "mysqladmin: connect to server at 'localhost' failed\nerror: 'Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)'", code: 1 },
  mongosh: { port: 27017, ok: '{ ok: 1 }', fail: () => 'MongoNetworkError: connect ECONNREFUSED 127.0.0.1:27017', code: 1 },
};

/** Runs `probe` against the container at time `at`. */
export function runProbe(probe: JsonObject, view: ProbeView, at: number): ProbeResult {
  const timing = probeTiming(probe);
  const ports = listening(view.plan, at);
  const ip = view.podIP;
  if (isJsonObject(probe.httpGet)) {
    const get = probe.httpGet;
    const port = resolvePort(view.container, get.port);
    const host = typeof get.host === 'string' && get.host !== '' ? get.host : ip;
    const scheme = text(get.scheme, 'HTTP').toLowerCase();
    const path = typeof get.path === 'string' && get.path.startsWith('/') ? get.path : `/${text(get.path)}`;
    const url = `${scheme}://${host}:${port}${path}`;
    if (!ports.includes(port)) return { ok: false, output: `Get "${url}": dial tcp ${host}:${port}: connect: connection refused` };
    if (scheme === 'https') return { ok: false, output: `Get "${url}": http: server gave HTTP response to HTTPS client` };
    const answer = view.plan.daemon!.http(path);
    if (answer === 'eof') return { ok: false, output: `Get "${url}": EOF` };
    // Mirrors the HTTP prober: 2xx and 3xx succeed (redirects are followed).
    return answer >= 200 && answer < 400 ? { ok: true, output: '' } : { ok: false, output: `HTTP probe failed with statuscode: ${answer}` };
  }
  if (isJsonObject(probe.tcpSocket)) {
    const port = resolvePort(view.container, probe.tcpSocket.port);
    const host = typeof probe.tcpSocket.host === 'string' && probe.tcpSocket.host !== '' ? probe.tcpSocket.host : ip;
    return ports.includes(port) ? { ok: true, output: '' } : { ok: false, output: `dial tcp ${host}:${port}: connect: connection refused` };
  }
  if (isJsonObject(probe.grpc)) {
    const port = num(probe.grpc.port, 0);
    return ports.includes(port) ? { ok: true, output: '' } : { ok: false, output: `timeout: failed to connect service "${ip}:${port}" within ${timing.timeoutMs / 1000}s` };
  }
  if (isJsonObject(probe.exec)) {
    const argv = (Array.isArray(probe.exec.command) ? probe.exec.command : []).map((word) => expandReferences(String(word), view.env));
    const client = CLIENTS[(argv[0] ?? '').split('/').pop() ?? ''];
    if (client) return ports.includes(client.port) ? { ok: true, output: client.ok } : { ok: false, output: client.fail(ip) };
    // The command runs in the container as it is at that moment: the files the main process wrote so far.
    const process = view.process();
    const main = runProcess(process.argv, process.machine, { start: view.plan.startedAt, until: at, keepLast: 1 });
    const machine = { ...process.machine, files: Object.fromEntries(main.files) };
    const run = runProcess(argv, machine, { start: at, until: at + timing.timeoutMs, keepLast: 50 });
    const output = run.lines.map((line) => line.text).join('\n');
    if (!run.exit) return { ok: false, output: `command timed out` };
    return { ok: run.exit.code === 0, output };
  }
  return { ok: true, output: '' };
}

/** From this time on, the probe's result cannot change any more (nothing left to start or write). */
export function probeSettlesAt(probe: JsonObject, view: ProbeView): number {
  const daemon = view.plan.daemon;
  const listeningFrom = daemon ? daemon.at + daemon.readyAfterMs : view.plan.startedAt;
  if (isJsonObject(probe.exec)) {
    const argv = Array.isArray(probe.exec.command) ? probe.exec.command : [];
    if (CLIENTS[text(argv[0]).split('/').pop() ?? '']) return listeningFrom;
    return Math.max(view.plan.lastFileChange, listeningFrom);
  }
  return listeningFrom;
}

/** `Readiness`, `Liveness`, `Startup`: how the prober's events name the probe. */
export const probeLabel = (kind: ProbeKind): string => kind[0]!.toUpperCase() + kind.slice(1);
