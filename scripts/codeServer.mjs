// The pinned code-server (a real VS Code served to the browser) that `npm start` opens
// the Atelier in and `npm run test:e2e` drives. It lives in .code-server/ (git-ignored),
// installed from npm the first time. See DEVELOPERS.md, "code-server".
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, commandExists, ensureSystemPackages } from './system.mjs';

/** 4.100.3 ships VS Code 1.100.3, the last code-server release whose install accepts Node 20. */
export const CODE_SERVER_VERSION = '4.100.3';
export const CODE_SERVER_DIR = path.join(ROOT, '.code-server');
const PACKAGE_DIR = path.join(CODE_SERVER_DIR, 'node_modules', 'code-server');
export const CODE_SERVER_ENTRY = path.join(PACKAGE_DIR, 'out', 'node', 'entry.js');
const VSCODE_MODULES = path.join(PACKAGE_DIR, 'lib', 'vscode', 'node_modules');

/** What building code-server's native modules needs (Debian package names). */
const BUILD_PACKAGES = ['libkrb5-dev', 'ripgrep', 'build-essential', 'python3'];

// code-server's VS Code depends on @vscode/ripgrep, whose postinstall downloads ripgrep from
// GitHub unless this archive is already in its cache (lib/download.js). Both names are fixed
// by the pinned code-server's shrinkwrap.
const RIPGREP_CACHE = `vscode-ripgrep-cache-1.15.11`;
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

/** The installed code-server's version, or undefined. */
export function installedVersion() {
  try {
    return JSON.parse(readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

/**
 * Without internet access to GitHub, @vscode/ripgrep's postinstall fails: put the system's
 * `rg` (Debian's ripgrep) in its download cache, as the archive it would have fetched.
 */
function placeRipgrepArchive() {
  if (process.platform !== 'linux' || process.arch !== 'x64') return;
  const archive = path.join(os.tmpdir(), RIPGREP_CACHE, RIPGREP_ASSET);
  const rg = commandExists('rg');
  if (existsSync(archive) || !rg) return;
  const staging = mkdtempSync(path.join(os.tmpdir(), 'atelier-rg-'));
  try {
    copyFileSync(rg, path.join(staging, 'rg'));
    mkdirSync(path.dirname(archive), { recursive: true });
    const tar = spawnSync('tar', ['-czf', archive, '-C', staging, 'rg'], { stdio: 'inherit' });
    if (tar.status !== 0) rmSync(archive, { force: true });
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Why the installed code-server cannot run, or undefined when it can. */
function brokenInstall() {
  if (!existsSync(CODE_SERVER_ENTRY)) return `${CODE_SERVER_ENTRY} est absent`;
  const missing = [
    path.join(VSCODE_MODULES, 'node-pty', 'build', 'Release', 'pty.node'),
    path.join(VSCODE_MODULES, '@vscode', 'ripgrep', 'bin', 'rg'),
  ].filter((file) => !existsSync(file));
  return missing.length > 0 ? `fichiers manquants : ${missing.join(', ')}` : undefined;
}

/**
 * Installs the pinned code-server into .code-server/ when it is not there yet (about a
 * minute and a half: its VS Code builds native modules). Returns true when it is ready;
 * otherwise it has said on the console what is missing.
 */
export function ensureCodeServer() {
  if (installedVersion() === CODE_SERVER_VERSION && !brokenInstall()) return true;
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) {
    console.error(`code-server ${CODE_SERVER_VERSION} s'installe avec Node.js 20 (son script d'installation le vérifie) ; tu as Node.js ${process.versions.node}.
Installe Node.js 20, ou utilise l'Atelier dans ton VS Code : npm start -- --desktop`);
    return false;
  }
  if (!ensureSystemPackages(BUILD_PACKAGES, "pour construire les modules natifs de code-server")) return false;
  placeRipgrepArchive();
  console.log(`\n=== Installation de code-server ${CODE_SERVER_VERSION} dans ${path.relative(ROOT, CODE_SERVER_DIR)}/ (une seule fois, environ deux minutes)`);
  mkdirSync(CODE_SERVER_DIR, { recursive: true });
  const manifest = {
    name: 'atelier-code-server',
    private: true,
    description: 'The code-server of `npm start` and `npm run test:e2e` (scripts/codeServer.mjs).',
    dependencies: { 'code-server': CODE_SERVER_VERSION },
    // npm 11 runs a dependency's install scripts only when allowed here; older npm ignores it.
    allowScripts: { [`code-server@${CODE_SERVER_VERSION}`]: true, argon2: true },
  };
  writeFileSync(path.join(CODE_SERVER_DIR, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  // code-server's postinstall refuses to run as root without unsafe-perm (postinstall.sh),
  // then runs `npm install` in lib/vscode, which builds node-pty, spdlog, kerberos...
  const env = { ...process.env, npm_config_unsafe_perm: 'true', npm_config_yes: 'true', npm_config_update_notifier: 'false' };
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: CODE_SERVER_DIR, stdio: 'inherit', env });
  const broken = install.status === 0 ? brokenInstall() : `npm install a échoué (code ${install.status})`;
  if (broken) {
    console.error(`\nL'installation de code-server n'a pas abouti : ${broken}.
Lis les erreurs ci-dessus ; pour réessayer depuis zéro : rm -rf ${path.relative(ROOT, CODE_SERVER_DIR)} && npm start`);
    return false;
  }
  return true;
}

/** Writes the user settings of a user data folder, unless it has some already (they are the user's then). */
export function writeUserSettings(userDataDir, settings) {
  const file = path.join(userDataDir, 'User', 'settings.json');
  if (existsSync(file)) return;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(settings, null, 2) + '\n');
}

/** Installs (or updates) a .vsix into an extensions folder. Returns true on success. */
export function installExtension(vsix, { userDataDir, extensionsDir }) {
  const result = spawnSync(
    process.execPath,
    [CODE_SERVER_ENTRY, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) console.error(result.stdout + result.stderr);
  return result.status === 0;
}

/** A TCP port free on 127.0.0.1 now: `preferred` when it is, else one the system picks. */
export async function freePort(preferred = 0) {
  const tryPort = (port) =>
    new Promise((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(undefined));
      server.listen(port, '127.0.0.1', () => {
        const { port: bound } = server.address();
        server.close(() => resolve(bound));
      });
    });
  return (preferred ? await tryPort(preferred) : undefined) ?? (await tryPort(0));
}

/**
 * Starts code-server on 127.0.0.1:port with its own user data and extensions folders and
 * resolves once it answers /healthz. `output` receives its console (a file descriptor or
 * 'inherit'). Returns { url, child, stop() }.
 */
export async function startCodeServer({ port, userDataDir, extensionsDir, folder, output = 'ignore', timeoutMs = 60_000 }) {
  const args = [
    CODE_SERVER_ENTRY,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    // Its own config file: code-server otherwise writes ~/.config/code-server/config.yaml.
    '--config', path.join(userDataDir, 'code-server.yaml'),
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--ignore-last-opened',
    folder,
  ];
  mkdirSync(userDataDir, { recursive: true });
  const child = spawn(process.execPath, args, { stdio: ['ignore', output, output], detached: process.platform !== 'win32' });
  const url = `http://127.0.0.1:${port}/`;
  const stop = () => {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      // Its own process group: code-server forks the VS Code server and extension hosts.
      if (process.platform !== 'win32') process.kill(-child.pid, 'SIGTERM');
      else child.kill();
    } catch {
      // already gone
    }
    return exited;
  };
  let exit;
  child.once('exit', (code, signal) => (exit = `code-server s'est arrêté (${signal ?? `code ${code}`})`));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exit) throw new Error(exit);
    try {
      const response = await fetch(new URL('healthz', url));
      if (response.ok) return { url, child, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`code-server ne répond pas sur ${url} après ${timeoutMs / 1000} s`);
}
