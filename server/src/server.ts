import { CodeActionKind, TextDocuments, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'node:url';
import { serverCapabilities } from './capabilities';
import { HELM_TEMPLATE_NOTE, isHelmTemplate } from './documents/helm';
import { DockerfileCache, diagnoseDockerfile, dockerfileCodeActions, dockerfileCompletion, dockerfileHover, isDockerfile } from './dockerfile/index';
import { documentAtOffset, MAX_FILE_BYTES, ParseCache, parseFile, type ManifestDocument, type ManifestFile } from './documents/file';
import { splitDocuments } from './documents/split';
import { diagnoseDocument, SOURCE } from './features/diagnostics';
import { provideCodeActions } from './features/codeActions';
import { provideCompletion } from './features/completion';
import { provideFoldingRanges } from './features/folding';
import { provideHover } from './features/hover';
import { provideDocumentSymbols } from './features/symbols';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from './settings';
import { resourcesOf } from './workspace/extract';
import { ResourceIndex, type KnownResource } from './workspace/resources';
import { scanFolder } from './workspace/scan';

/** Notification the extension sends with the simulated cluster's objects. */
export const CLUSTER_INVENTORY = 'atelier/clusterInventory';

/** What a file declares, compactly: a change means other files' cross-resource checks may change. */
function signatureOf(declared: readonly KnownResource[]): string {
  return declared.map((resource) => `${resource.kind}/${resource.namespace ?? ''}/${resource.name}:${JSON.stringify(resource.object).length}:${JSON.stringify([(resource.object.metadata as { labels?: unknown } | undefined)?.labels, resource.object.spec]).slice(0, 4000)}`).join('\n');
}

/** A long diagnostics pass yields to other requests (hover, completion) this often, in ms. */
const SLICE_MS = 8;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Wires the language features to an LSP connection. This file only adapts
 * protocol events to the pure feature functions (STYLE.md, habit 1).
 */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new ParseCache();
  const dockerfiles = new DockerfileCache();
  const resources = new ResourceIndex();
  let settings: Settings = DEFAULT_SETTINGS;
  let canPullConfiguration = false;
  let workspaceFolders: string[] = [];
  const runs = new Map<string, number>();
  let foldingRangeLimit: number | undefined;
  let snippetSupport = false;
  /** Image names the simulated kubelet knows (sent by the client; empty: completion's own list). */
  let images: readonly string[] = [];
  const signatures = new Map<string, string>();
  let othersTimer: NodeJS.Timeout | undefined;
  const scheduleOthers = (changed: string): void => {
    clearTimeout(othersTimer);
    othersTimer = setTimeout(() => {
      for (const other of documents.all()) if (other.uri !== changed) void publish(other);
    }, 200);
  };

  /** The open document at `uri` when it is a Dockerfile, parsed: those go to the Dockerfile features, the rest to YAML. */
  const dockerfileOf = (uri: string) => {
    const document = documents.get(uri);
    return document && isDockerfile(document) ? dockerfiles.get(document) : undefined;
  };
  /** The document at a position, parsed alone: fast even while a huge file is being diagnosed. */
  const documentAt = (uri: string, position: { line: number; character: number }) => {
    const document = documents.get(uri);
    if (!document) return undefined;
    const text = document.getText();
    if (text.length > MAX_FILE_BYTES) return undefined;
    const offset = document.offsetAt(position);
    const found = documentAtOffset(text, offset, cache);
    return found ? { found, offset: offset - found.offset } : undefined;
  };
  /** The whole file, parsed (through the cache). */
  const fileOf = (uri: string): ManifestFile | undefined => {
    const document = documents.get(uri);
    if (!document || isDockerfile(document) || document.getText().length > MAX_FILE_BYTES) return undefined;
    return parseFile(uri, document.version, document.getText(), cache);
  };

  connection.onInitialize((params) => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspaceFolders = folders.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
    settings = parseSettings((params.initializationOptions as { settings?: unknown } | undefined)?.settings ?? {});
    foldingRangeLimit = params.capabilities.textDocument?.foldingRange?.rangeLimit;
    snippetSupport = params.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
    return serverCapabilities();
  });

  connection.onHover((params) => {
    const dockerfile = dockerfileOf(params.textDocument.uri);
    if (dockerfile) return dockerfileHover(dockerfile, params.position);
    const at = documentAt(params.textDocument.uri, params.position);
    return at ? provideHover(at.found, at.offset) : null;
  });
  connection.onCompletion((params) => {
    const dockerfile = dockerfileOf(params.textDocument.uri);
    if (dockerfile) return dockerfileCompletion(dockerfile, params.position, { snippetSupport, images });
    const at = documentAt(params.textDocument.uri, params.position);
    return at ? provideCompletion(at.found, at.offset, { settings, resources, images }, { snippetSupport }) : null;
  });
  connection.onCodeAction(({ textDocument, range, context }) => {
    if (context.only && !context.only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return [];
    const dockerfile = dockerfileOf(textDocument.uri);
    if (dockerfile) return dockerfileCodeActions(dockerfile, range, context.diagnostics);
    const file = fileOf(textDocument.uri);
    return file ? provideCodeActions(file, range, context.diagnostics, { settings, resources, images }) : [];
  });
  connection.onDocumentSymbol((params) => {
    const file = fileOf(params.textDocument.uri);
    return file ? provideDocumentSymbols(file) : [];
  });
  connection.onFoldingRanges((params) => {
    const file = fileOf(params.textDocument.uri);
    return file ? provideFoldingRanges(file, foldingRangeLimit) : [];
  });

  /** Diagnoses a document, one YAML document at a time, yielding between slices; a newer edit cancels it. */
  const publish = async (document: TextDocument): Promise<void> => {
    const run = (runs.get(document.uri) ?? 0) + 1;
    runs.set(document.uri, run);
    if (isDockerfile(document)) {
      await connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: diagnoseDockerfile(dockerfiles.get(document), settings) });
      return;
    }
    if (isHelmTemplate(document.uri)) {
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      await connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [{ range, message: HELM_TEMPLATE_NOTE, severity: 3, code: 'helm-template', source: SOURCE }] });
      return;
    }
    const text = document.getText();
    if (text.length > MAX_FILE_BYTES) {
      const message = `Ce fichier fait plus de ${MAX_FILE_BYTES / 1024 / 1024} Mo : il n'est pas analysé. Découpe-le en plusieurs fichiers.`;
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
      await connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [{ range, message, severity: 2, code: 'file-too-big', source: SOURCE }] });
      return;
    }
    // Two passes, both yielding to other requests every SLICE_MS: parse every document
    // (cross-resource rules need the whole file in the index), then diagnose each one.
    let sliceStart = performance.now();
    const pause = async (): Promise<boolean> => {
      if (performance.now() - sliceStart <= SLICE_MS) return true;
      await yieldToEventLoop();
      sliceStart = performance.now();
      return runs.get(document.uri) === run;
    };
    const parsedDocuments: ManifestDocument[] = [];
    for (const [index, chunk] of splitDocuments(text).entries()) {
      parsedDocuments.push({ ...chunk, index, parsed: cache.parse(chunk.text) });
      if (!(await pause())) return;
    }
    const file: ManifestFile = {
      uri: document.uri,
      version: document.version,
      text,
      documents: parsedDocuments,
      isKubernetes: parsedDocuments.some((doc) => doc.parsed.isKubernetes),
    };
    const declared = resourcesOf(file);
    resources.setFile(document.uri, declared);
    // Cross-resource rules read the other files: when what this file declares changes,
    // the other open documents are diagnosed again (debounced).
    const signature = signatureOf(declared);
    if (signatures.get(document.uri) !== signature) {
      const first = !signatures.has(document.uri);
      signatures.set(document.uri, signature);
      if (!first) scheduleOthers(document.uri);
    }
    const diagnostics = [];
    for (const doc of file.documents) {
      diagnostics.push(...diagnoseDocument(doc, { settings, resources }, file.isKubernetes));
      if (!(await pause())) return;
    }
    if (runs.get(document.uri) !== run) return;
    await connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  };
  const publishAll = (): void => {
    for (const document of documents.all()) void publish(document);
  };

  const pullSettings = async (): Promise<void> => {
    if (!canPullConfiguration) return;
    const section: unknown = await connection.workspace.getConfiguration('atelierKubernetes');
    settings = parseSettings(section ?? {});
  };

  connection.onInitialized(() => {
    void (async () => {
      await pullSettings().catch(() => undefined);
      for (const folder of workspaceFolders) {
        for (const scanned of await scanFolder(folder)) {
          if (documents.get(scanned.uri)) continue;
          resources.setFile(scanned.uri, resourcesOf(parseFile(scanned.uri, 0, scanned.text, cache)));
        }
      }
      publishAll();
    })();
  });
  connection.onDidChangeConfiguration((change) => {
    void (async () => {
      const pushed = (change.settings as { atelierKubernetes?: unknown } | null)?.atelierKubernetes;
      if (pushed) settings = parseSettings(pushed);
      else await pullSettings().catch(() => undefined);
      publishAll();
    })();
  });
  connection.onNotification(CLUSTER_INVENTORY, (params: { resources?: KnownResource[]; images?: string[] }) => {
    if (Array.isArray(params.images)) images = params.images.filter((image) => typeof image === 'string');
    resources.setCluster((params.resources ?? []).map((resource) => ({ ...resource, source: 'cluster' as const })));
    publishAll();
  });

  documents.onDidChangeContent((event) => void publish(event.document));
  // A closed document keeps no stale problems in the client's list.
  documents.onDidClose((event) => {
    runs.set(event.document.uri, (runs.get(event.document.uri) ?? 0) + 1);
    dockerfiles.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  documents.listen(connection);
  connection.listen();
}
