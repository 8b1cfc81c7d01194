import * as assert from 'node:assert/strict';
import { CompletionItemTag, InsertTextFormat, type MarkupContent, type TextEdit } from 'vscode-languageserver';
import { dockerfileCompletion } from '../../../server/src/dockerfile/completion';
import { isDockerfile } from '../../../server/src/dockerfile/document';
import { dockerfileHover } from '../../../server/src/dockerfile/hover';
import { INSTRUCTIONS } from '../../../server/src/dockerfile/instructions';
import { atCaret } from './fixtures';

function hoverText(source: string): string | undefined {
  const { doc, position } = atCaret(source);
  const hover = dockerfileHover(doc, position);
  return hover ? (hover.contents as MarkupContent).value : undefined;
}

function labels(source: string, snippetSupport = true): string[] {
  const { doc, position } = atCaret(source);
  return dockerfileCompletion(doc, position, { snippetSupport }).items.map((item) => item.label);
}

describe('server/dockerfile/hover', () => {
  const HOVERED = ['FROM', 'RUN', 'CMD', 'ENTRYPOINT', 'COPY', 'ADD', 'EXPOSE', 'ENV', 'WORKDIR', 'USER', 'ARG', 'LABEL', 'VOLUME', 'HEALTHCHECK', 'SHELL', 'STOPSIGNAL', 'ONBUILD', 'MAINTAINER'];

  it('explains every instruction in French, with its syntax and the Docker chapter link', () => {
    for (const keyword of HOVERED) {
      const markdown = hoverText(`FROM alpine:3.20\n${keyword.slice(0, 2)}|${keyword.slice(2)} x\n`);
      assert.ok(markdown, keyword);
      assert.ok(markdown.startsWith(`**${keyword}**`), markdown);
      assert.match(markdown, /```dockerfile\n/);
      assert.match(markdown, /\[Chapitre : Docker et les conteneurs\]\(command:workbench\.action\.openWalkthrough\?/);
    }
  });

  it('says what matters: RUN at build time, EXPOSE publishes nothing, HEALTHCHECK ignored by Kubernetes', () => {
    assert.match(hoverText('FROM a:1\nR|UN make\n')!, /au moment du `docker build`/);
    assert.match(hoverText('FROM a:1\nEXP|OSE 80\n')!, /n'ouvre rien/);
    assert.match(hoverText('FROM a:1\nHEALTH|CHECK CMD true\n')!, /Kubernetes \*\*ignore\*\*/);
    assert.match(hoverText('FROM a:1\nMAINT|AINER x\n')!, /\*\(obsolète\)\*/);
  });

  it('covers the keyword only, in any case, and the instruction inside ONBUILD', () => {
    assert.equal(hoverText('FROM a:1\nRUN ma|ke\n'), undefined);
    assert.ok(hoverText('fr|om alpine:3.20\n')?.startsWith('**FROM**'));
    assert.ok(hoverText('FROM a:1\nONBUILD CO|PY . /app\n')?.startsWith('**COPY**'));
    assert.equal(hoverText('FROM a:1\n# R|UN\n'), undefined);
  });

  it('gives the keyword range', () => {
    const { doc, position } = atCaret('FROM a:1\n  CM|D ["x"]\n');
    assert.deepEqual(dockerfileHover(doc, position)?.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 5 } });
  });
});

describe('server/dockerfile/completion', () => {
  it('offers every instruction at the start of a line, FROM first, MAINTAINER last and deprecated', () => {
    const { doc, position } = atCaret('|');
    const items = dockerfileCompletion(doc, position, { snippetSupport: true }).items;
    assert.equal(items.length, INSTRUCTIONS.length);
    const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.equal(sorted[0]!.label, 'FROM');
    assert.equal(sorted.at(-1)!.label, 'MAINTAINER');
    assert.deepEqual(sorted.at(-1)!.tags, [CompletionItemTag.Deprecated]);
  });

  it('inserts snippets, replacing the word being typed, with French documentation', () => {
    const { doc, position } = atCaret('FROM alpine:3.20\ncm|');
    const cmd = dockerfileCompletion(doc, position, { snippetSupport: true }).items.find((item) => item.label === 'CMD')!;
    assert.equal(cmd.insertTextFormat, InsertTextFormat.Snippet);
    assert.deepEqual((cmd.textEdit as TextEdit).range, { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } });
    assert.equal((cmd.textEdit as TextEdit).newText, 'CMD ["${1:exécutable}", "${2:paramètre}"]');
    assert.equal(cmd.detail, 'La commande par défaut du conteneur.');
    assert.match((cmd.documentation as MarkupContent).value, /forme exec/);
  });

  it('inserts plain text for clients without snippets', () => {
    const { doc, position } = atCaret('FROM alpine:3.20\nCO|');
    const copy = dockerfileCompletion(doc, position, { snippetSupport: false }).items.find((item) => item.label === 'COPY')!;
    assert.equal(copy.insertTextFormat, InsertTextFormat.PlainText);
    assert.equal((copy.textEdit as TextEdit).newText, 'COPY source destination');
  });

  it('offers nothing inside arguments, comments or continuation lines', () => {
    assert.deepEqual(labels('FROM alpine:3.20\nRUN ap|'), []);
    assert.deepEqual(labels('# co|'), []);
    assert.deepEqual(labels('FROM alpine:3.20\nRUN apk add \\\n  cu|'), []);
  });

  it('offers instructions after ONBUILD, without FROM, ONBUILD nor MAINTAINER', () => {
    const offered = labels('FROM alpine:3.20\nONBUILD |');
    assert.ok(offered.includes('COPY') && offered.includes('RUN'));
    assert.ok(!offered.includes('FROM') && !offered.includes('ONBUILD') && !offered.includes('MAINTAINER'));
  });

  it('offers tagged images, earlier stages and scratch after FROM', () => {
    const offered = labels('FROM node:20-alpine AS build\nRUN npm ci\nFROM ngi|');
    assert.ok(offered.includes('nginx:1.27'), offered.join());
    assert.ok(offered.includes('build'));
    assert.ok(offered.includes('scratch'));
    assert.ok(!offered.includes('nginx'), 'no untagged image');
  });

  it('uses the simulated catalogue when the client sent one', () => {
    const { doc, position } = atCaret('FROM |');
    const items = dockerfileCompletion(doc, position, { images: ['monapp:1.0', 'redis'] }).items.map((item) => item.label);
    assert.deepEqual(items, ['monapp:1.0', 'redis:7.2', 'redis:7', 'scratch']);
  });
});

describe('server/dockerfile/document: isDockerfile', () => {
  it('knows the dockerfile language and the usual file names', () => {
    assert.ok(isDockerfile({ uri: 'untitled:Untitled-1', languageId: 'dockerfile' }));
    for (const uri of ['file:///p/Dockerfile', 'file:///p/Dockerfile.dev', 'file:///p/api.dockerfile', 'file:///p/Containerfile']) {
      assert.ok(isDockerfile({ uri, languageId: 'plaintext' }), uri);
    }
    assert.ok(!isDockerfile({ uri: 'file:///p/deployment.yaml', languageId: 'yaml' }));
    assert.ok(!isDockerfile({ uri: 'file:///p/Dockerfile-notes.md', languageId: 'markdown' }));
  });
});
