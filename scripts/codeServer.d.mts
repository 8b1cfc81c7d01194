// Types of codeServer.mjs, for the end-to-end tests (test/e2e) that import it.
import type { ChildProcess } from 'node:child_process';

export const CODE_SERVER_VERSION: string;
export const CODE_SERVER_DIR: string;
export const CODE_SERVER_ENTRY: string;
export function installedVersion(): string | undefined;
export function ensureCodeServer(): boolean;
export function writeUserSettings(userDataDir: string, settings: Record<string, unknown>): void;
export function installExtension(vsix: string, dirs: { userDataDir: string; extensionsDir: string }): boolean;
export function freePort(preferred?: number): Promise<number>;
export interface CodeServer {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}
export function startCodeServer(options: {
  port: number;
  userDataDir: string;
  extensionsDir: string;
  folder: string;
  output?: 'ignore' | 'inherit' | number;
  timeoutMs?: number;
}): Promise<CodeServer>;
