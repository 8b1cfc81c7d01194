/**
 * The programs of the language-runtime images (node, python) and of polinux/stress. A
 * runtime alone exits at once (no terminal, nothing to run); it serves only when given a
 * server to run (`python -m http.server`, `node -e "...listen(3000)"`). Scripts that are
 * not in the image fail as the real interpreters do.
 */
import { ALWAYS_OK, daemon, exited, flag, serves } from './daemon';
import type { ImageProgram } from './webservers';

const base = (path: string | undefined) => (path ?? '').split('/').pop() ?? '';

/** The string literals a script prints with console.log(...) or print(...). */
function printed(code: string, call: RegExp): string[] {
  return [...code.matchAll(call)].map((match) => match[2]!);
}

export const node: ImageProgram = (argv, context) => {
  const name = base(argv[0]);
  if (name === 'npm') {
    return exited(254, ['npm error code ENOENT', 'npm error syscall open', 'npm error path /package.json', 'npm error errno -2', "npm error enoent Could not read package.json: Error: ENOENT: no such file or directory, open '/package.json'"], 400);
  }
  if (name !== 'node' && name !== 'nodejs') return undefined;
  const args = argv.slice(1);
  if (args.includes('-v') || args.includes('--version')) return { code: 0, stdout: [`v${context.version}`], durationMs: 30 };
  const evaluated = flag(args, 'e') ?? flag(args, 'eval');
  if (evaluated !== undefined) {
    const logs = printed(evaluated, /console\.log\((['"`])(.*?)\1/g);
    const port = /\.listen\(\s*(\d+)/.exec(evaluated)?.[1];
    if (port || /setInterval|setTimeout/.test(evaluated)) {
      return daemon({ ports: port ? [Number(port)] : [], readyAfterMs: 150, cpuMillis: 1, memoryMi: 38, termExitCode: undefined, http: ALWAYS_OK, banner: logs.map((text): [number, string] => [150, text]) });
    }
    return { code: 0, stdout: logs, durationMs: 60 };
  }
  const script = args.find((arg) => !arg.startsWith('-'));
  if (script === undefined) return { code: 0, durationMs: 60 };
  const path = script.startsWith('/') ? script : `/${script}`;
  return exited(1, [
    'node:internal/modules/cjs/loader:1228',
    '  throw err;',
    '  ^',
    '',
    `Error: Cannot find module '${path}'`,
    '    at Module._resolveFilename (node:internal/modules/cjs/loader:1225:15)',
    '    at Module._load (node:internal/modules/cjs/loader:1051:27)',
    '    at node:internal/main/run_main_module:28:49 {',
    "  code: 'MODULE_NOT_FOUND',",
    '  requireStack: []',
    '}',
    '',
    `Node.js v${context.version}`,
  ], 80);
};

export const python: ImageProgram = (argv, context) => {
  const name = base(argv[0]);
  if (!/^python(3(\.\d+)?)?$/.test(name)) return undefined;
  const args = argv.slice(1);
  if (args.includes('-V') || args.includes('--version')) return { code: 0, stdout: [`Python ${context.version}`], durationMs: 20 };
  // Without a terminal, Python buffers stdout: print() shows up only at exit, unless -u or PYTHONUNBUFFERED.
  const unbuffered = args.includes('-u') || (context.env.PYTHONUNBUFFERED ?? '') !== '';
  const module = flag(args, 'm');
  if (module === 'http.server') {
    const rest = args.slice(args.indexOf('http.server') + 1).filter((arg) => !arg.startsWith('-'));
    const port = Number(rest[0] ?? 8000);
    const serving = `Serving HTTP on 0.0.0.0 port ${port} (http://0.0.0.0:${port}/) ...`;
    return daemon({ ports: [port], readyAfterMs: 120, cpuMillis: 1, memoryMi: 12, termExitCode: undefined, http: serves('/'), banner: unbuffered ? [[120, serving]] : [] });
  }
  const code = flag(args, 'c');
  if (code !== undefined) {
    if (/while\s+True|serve_forever|time\.sleep/.test(code)) {
      return daemon({ ports: [], readyAfterMs: 0, cpuMillis: 0, memoryMi: 9, termExitCode: undefined, banner: unbuffered ? printed(code, /print\((['"])(.*?)\1/g).map((text): [number, string] => [50, text]) : [] });
    }
    return { code: 0, stdout: printed(code, /print\((['"])(.*?)\1/g), durationMs: 40 };
  }
  const script = args.find((arg) => !arg.startsWith('-'));
  if (script === undefined) return { code: 0, durationMs: 40 };
  const path = script.startsWith('/') ? script : `/${script}`;
  return exited(2, [`${name}: can't open file '${path}': [Errno 2] No such file or directory`], 30);
};

/** Sizes as stress reads them: B, K, M, G (powers of 1024). */
function bytes(text: string | undefined, fallback: number): number {
  const match = /^(\d+(?:\.\d+)?)([bkmg]?)$/i.exec(text ?? '');
  if (!match) return fallback;
  return Number(match[1]) * 1024 ** 'bkmg'.indexOf((match[2] || 'b').toLowerCase());
}

/** polinux/stress: the memory-limit walkthrough's `stress --vm 1 --vm-bytes 150M --vm-hang 1`. */
export const stress: ImageProgram = (argv) => {
  if (base(argv[0]) !== 'stress') return undefined;
  const args = argv.slice(1);
  const count = (name: string) => Number(flag(args, name) ?? 0) || 0;
  const [cpu, io, vm, hdd] = [count('cpu') || count('c'), count('io') || count('i'), count('vm') || count('m'), count('hdd') || count('d')];
  if (cpu + io + vm + hdd === 0) {
    return { code: 1, stdout: ["`stress' imposes certain types of compute stress on your system", '', 'Usage: stress [OPTION [ARG]] ...'], durationMs: 10 };
  }
  const vmBytes = bytes(flag(args, 'vm-bytes'), 256 * 1024 * 1024);
  const hang = flag(args, 'vm-hang') !== undefined;
  const timeout = /^(\d+)s?$/.exec(flag(args, 'timeout') ?? flag(args, 't') ?? '')?.[1];
  return daemon({
    ports: [],
    readyAfterMs: 0,
    cpuMillis: cpu * 1000 + io * 200 + hdd * 300 + vm * (hang ? 5 : 1000),
    memoryMi: (vm * vmBytes) / (1024 * 1024) + 0.6,
    termExitCode: undefined,
    banner: [[5, `stress: info: [1] dispatching hogs: ${cpu} cpu, ${io} io, ${vm} vm, ${hdd} hdd`]],
    ...(timeout ? { exit: { afterMs: Number(timeout) * 1000, code: 0, text: `stress: info: [1] successful run completed in ${timeout}s` } } : {}),
  });
};
