/**
 * The two language servers the benchmark compares, started the way an editor starts
 * them (`node … --stdio`) and configured through the protocol only.
 */
import { join } from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { distFile, ROOT } from '../../support/dist';
import { LspClient } from '../../support/lspClient';

export interface BenchServer {
  label: 'ours' | 'yaml-ls';
  client: LspClient;
  /**
   * What the server waits, on purpose, between an edit and its validation.
   * yaml-language-server debounces every validation by 200 ms (`validationDelayMs`, not a
   * setting); the comparison subtracts it so that it compares work, not a timer.
   */
  debounceMs: number;
  hasCompletion: boolean;
  /** True when publishDiagnostics carries the document version (ours does, yaml-ls does not). */
  reportsVersion: boolean;
}

/** yaml-language-server's fixed validation delay (yamlSettings.js, `validationDelayMs`). */
export const YAML_LS_DEBOUNCE_MS = 200;

/** Settings answered to yaml-language-server's `workspace/configuration` requests. */
export function yamlLsSettings(schemaUrl: string): Record<string, unknown> {
  return {
    yaml: {
      schemas: { [schemaUrl]: '*.yaml' },
      validate: true,
      hover: true,
      completion: true,
      schemaStore: { enable: false },
      kubernetesCRDStore: { enable: false },
      format: { enable: false },
    },
    http: {},
    '[yaml]': {},
    editor: {},
  };
}

/** `node dist/server.js --stdio`, handshake done. */
export async function startOurs(): Promise<BenchServer> {
  const client = new LspClient({ command: process.execPath, args: [distFile('server.js'), '--stdio'] });
  const result = await client.handshake();
  return { label: 'ours', client, debounceMs: 0, hasCompletion: result.capabilities.completionProvider !== undefined, reportsVersion: true };
}

/** yaml-language-server (the dev dependency) given our schemas, its schema store off. */
export async function startYamlLs(schemaUrl: string): Promise<BenchServer> {
  const bin = join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
  const client = new LspClient({ command: process.execPath, args: [bin, '--stdio'] });
  const result = await client.handshake();
  await client.configure(yamlLsSettings(schemaUrl));
  return {
    label: 'yaml-ls',
    client,
    debounceMs: YAML_LS_DEBOUNCE_MS,
    hasCompletion: result.capabilities.completionProvider !== undefined,
    reportsVersion: false,
  };
}

/**
 * Milliseconds from `since` to the diagnostics the server publishes for `version` of
 * `uri` (or, for a server that does not report versions, the first ones published after
 * `since`), its deliberate debounce subtracted.
 */
export async function diagnosticsLatency(server: BenchServer, uri: string, version: number, since: number): Promise<{ ms: number; params: PublishDiagnosticsParams }> {
  const accept = server.reportsVersion ? (p: PublishDiagnosticsParams) => p.version === version : undefined;
  const { at, params } = await server.client.diagnosticsAfter(uri, since, accept);
  return { ms: at - since - server.debounceMs, params };
}

/**
 * Checks that yaml-language-server really validates with our schema before timing it
 * (else the comparison is meaningless): an unknown field must give it a diagnostic.
 */
export async function assertYamlLsValidates(server: BenchServer): Promise<void> {
  const uri = 'file:///atelier-bench/probe.yaml';
  const since = server.client.now();
  await server.client.open(uri, 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: probe\nspec:\n  replica: 3\n');
  const { params } = await diagnosticsLatency(server, uri, 1, since);
  await server.client.closeDocument(uri);
  if (!params.diagnostics.some((d) => /replica/.test(d.message) && d.range.start.line === 5)) {
    throw new Error(`yaml-language-server does not validate with our schema: ${JSON.stringify(params.diagnostics)}`);
  }
}
