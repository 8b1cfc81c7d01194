import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver';
import { dockerfileCodeActions } from '../../../server/src/dockerfile/codeActions';
import { diagnoseDockerfile } from '../../../server/src/dockerfile/diagnostics';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { dockerfileDocument } from './fixtures';

const WHOLE = { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } };

/** The quick fixes offered for the diagnostics with `code`. */
function actions(text: string, code: string): CodeAction[] {
  const doc = dockerfileDocument(text);
  const diagnostics = diagnoseDockerfile(doc, DEFAULT_SETTINGS).filter((d) => d.code === code);
  assert.ok(diagnostics.length > 0, `no ${code} in ${JSON.stringify(text)}`);
  return dockerfileCodeActions(doc, WHOLE, diagnostics);
}

/** The text after applying the only quick fix for `code`. */
function fixed(text: string, code: string): string {
  const found = actions(text, code);
  assert.equal(found.length, 1, `${found.length} fixes for ${code}`);
  const edits = Object.values(found[0]!.edit!.changes!)[0]!;
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'dockerfile', 1, text), edits);
}

describe('server/dockerfile/codeActions', () => {
  it('fixes an instruction typo', () => {
    assert.equal(fixed('FROM alpine:3.20\nRUNN echo hi\n', 'dockerfile-unknown-instruction'), 'FROM alpine:3.20\nRUN echo hi\n');
    assert.equal(fixed('FROM alpine:3.20\nCOPPY a b\n', 'dockerfile-unknown-instruction'), 'FROM alpine:3.20\nCOPY a b\n');
  });

  it('adds -y after apt-get install, even across continuation lines', () => {
    assert.equal(fixed('FROM debian:12\nRUN apt-get update && apt-get install curl\n', 'dockerfile-apt-get-yes'), 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n');
    assert.equal(
      fixed('FROM debian:12\nRUN apt-get update \\\n && apt-get install \\\n   curl\n', 'dockerfile-apt-get-yes'),
      'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y \\\n   curl\n',
    );
  });

  it('replaces MAINTAINER by a maintainer label', () => {
    assert.equal(fixed('FROM alpine:3.20\nMAINTAINER Ada "L" <ada@example.com>\n', 'dockerfile-maintainer'), 'FROM alpine:3.20\nLABEL maintainer="Ada \\"L\\" <ada@example.com>"\n');
  });

  it('replaces ADD by COPY, in the same case', () => {
    assert.equal(fixed('FROM alpine:3.20\nADD . /app\n', 'dockerfile-add-copy'), 'FROM alpine:3.20\nCOPY . /app\n');
    assert.equal(fixed('from alpine:3.20\nadd . /app\n', 'dockerfile-add-copy'), 'from alpine:3.20\ncopy . /app\n');
  });

  it('rewrites a simple shell-form CMD in exec form, and single quotes as double quotes', () => {
    assert.equal(fixed('FROM node:20\nCMD node server.js\n', 'dockerfile-shell-form'), 'FROM node:20\nCMD ["node", "server.js"]\n');
    assert.equal(fixed("FROM node:20\nCMD ['node', 'server.js']\n", 'dockerfile-json-invalid'), 'FROM node:20\nCMD ["node", "server.js"]\n');
  });

  it('offers no exec-form rewrite when the shell does real work', () => {
    assert.deepEqual(actions('FROM node:20\nCMD node server.js > /tmp/log 2>&1\n', 'dockerfile-shell-form'), []);
  });

  it('pins a known base image, and offers nothing for an unknown one', () => {
    assert.equal(fixed('FROM nginx\n', 'dockerfile-image-latest'), 'FROM nginx:1.27\n');
    assert.equal(fixed('FROM python:latest AS app\n', 'dockerfile-image-latest'), 'FROM python:3.12 AS app\n');
    assert.deepEqual(actions('FROM example/unknown\n', 'dockerfile-image-latest'), []);
  });

  it('offers nothing for a diagnostic the text no longer has', () => {
    const stale = diagnoseDockerfile(dockerfileDocument('FROM alpine:3.20\nRUNN echo\n'), DEFAULT_SETTINGS);
    assert.deepEqual(dockerfileCodeActions(dockerfileDocument('FROM alpine:3.20\nRUN echo\n'), WHOLE, stale), []);
  });

  it('offers only the fixes of diagnostics within the asked range', () => {
    const doc = dockerfileDocument('FROM alpine:3.20\nRUNN a\nCOPPY b c\n');
    const diagnostics = diagnoseDockerfile(doc, DEFAULT_SETTINGS);
    const line2 = { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } };
    assert.deepEqual(dockerfileCodeActions(doc, line2, diagnostics).map((a) => a.title), ['Remplacer par « COPY »']);
  });
});
