import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The repository's root folder. */
export const ROOT = path.resolve(__dirname, '..', '..');

/** The version in package.json, which the bundles must report. */
export const PACKAGE_VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * The path of a bundled program (dist/server.js, dist/cli.js). `npm test`
 * builds them first; running mocha alone on a clean tree says what to do.
 */
export function distFile(name: string): string {
  const file = path.join(ROOT, 'dist', name);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (npm test does it).`);
  return file;
}
