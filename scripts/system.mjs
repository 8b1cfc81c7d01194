// What `npm start` and `npm run test:e2e` need from the system (Debian packages): installed
// with apt-get when running as root, otherwise named with the exact command to type.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The full path of an executable found on the PATH, or undefined. */
export function commandExists(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const file = path.join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

/** How to tell that each Debian package is there, without asking dpkg (works on other distributions too). */
const PRESENT = {
  'libkrb5-dev': () => ['/usr/include/krb5.h', '/usr/include/krb5/krb5.h', '/usr/include/gssapi/gssapi.h'].some(existsSync) || commandExists('krb5-config'),
  ripgrep: () => commandExists('rg'),
  'build-essential': () => commandExists('make') && (commandExists('g++') || commandExists('c++')),
  python3: () => commandExists('python3'),
  chromium: () => commandExists('chromium'),
};

/** The packages of the list that are missing. */
export function missingPackages(packages) {
  return packages.filter((name) => !PRESENT[name]?.());
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * Makes sure the Debian packages are installed: as root with apt-get, installs those that
 * are missing; otherwise prints the command to run. Returns true when all are there.
 */
export function ensureSystemPackages(packages, why) {
  const missing = missingPackages(packages);
  if (missing.length === 0) return true;
  const command = `apt-get install -y ${missing.join(' ')}`;
  if (!isRoot() || !commandExists('apt-get')) {
    console.error(`\nIl manque ${missing.join(', ')} ${why}. Installe-les, par exemple sur Debian ou Ubuntu :
  sudo apt-get update && sudo ${command}
puis relance la commande.`);
    return false;
  }
  console.log(`\n=== apt-get : ${missing.join(' ')} (${why})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install = update.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
  const still = missingPackages(missing);
  if (install && install.status === 0 && still.length === 0) return true;
  console.error(`\napt-get n'a pas pu installer ${still.join(', ') || missing.join(', ')} : lis les erreurs ci-dessus.`);
  return false;
}
