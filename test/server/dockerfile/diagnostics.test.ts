import * as assert from 'node:assert/strict';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import { diagnoseDockerfile } from '../../../server/src/dockerfile/diagnostics';
import { DEFAULT_SETTINGS, type Settings } from '../../../server/src/settings';
import { dockerfileDocument } from './fixtures';

const diagnose = (text: string, settings: Settings = DEFAULT_SETTINGS) => diagnoseDockerfile(dockerfileDocument(text), settings);
const codes = (text: string) => diagnose(text).map((d) => d.code);
/** The only diagnostic with `code`; fails when there is not exactly one. */
function only(text: string, code: string): Diagnostic {
  const found = diagnose(text).filter((d) => d.code === code);
  assert.equal(found.length, 1, `${code} in ${JSON.stringify(text)}: ${JSON.stringify(diagnose(text).map((d) => d.code))}`);
  return found[0]!;
}
/** The text a diagnostic's range covers. */
function covered(text: string, d: Diagnostic): string {
  const doc = dockerfileDocument(text).document;
  return text.slice(doc.offsetAt(d.range.start), doc.offsetAt(d.range.end));
}

const GOOD = [
  '# syntax=docker/dockerfile:1',
  'ARG NODE_VERSION=20',
  'FROM node:${NODE_VERSION}-alpine AS build',
  'WORKDIR /app',
  'COPY package*.json ./',
  'RUN npm ci',
  'COPY . .',
  'RUN npm run build',
  '',
  'FROM nginx:1.27-alpine',
  'RUN apt-get update \\',
  '    && apt-get install -y --no-install-recommends curl \\',
  '    && rm -rf /var/lib/apt/lists/*',
  'COPY --from=build /app/dist /usr/share/nginx/html',
  'EXPOSE 80 443/tcp 53/udp 8000-8010',
  'USER nginx',
  'CMD ["nginx", "-g", "daemon off;"]',
  '',
].join('\n');

describe('server/dockerfile/diagnostics', () => {
  it('says nothing about a well-written multi-stage Dockerfile', () => {
    assert.deepEqual(diagnose(GOOD), []);
  });

  it('says nothing about an empty Dockerfile or one with comments only', () => {
    assert.deepEqual(diagnose(''), []);
    assert.deepEqual(diagnose('# à écrire\n\n'), []);
  });

  describe('FROM first', () => {
    it('reports a Dockerfile without FROM at its first instruction, with BuildKit’s error', () => {
      const d = only('\nRUN echo hi\nCMD ["sh"]\n', 'dockerfile-no-from');
      assert.equal(d.severity, DiagnosticSeverity.Error);
      assert.deepEqual(d.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } });
      assert.match(d.message, /aucune instruction FROM/);
      assert.match(d.message, /docker build : dockerfile parse error on line 2: no build stage in current context/);
    });

    it('allows ARG before FROM but not ENV', () => {
      assert.deepEqual(codes('ARG V=1\nFROM alpine:${V}\n'), []);
      const d = only('ENV A=1\nFROM alpine:3.20\n', 'dockerfile-no-from');
      assert.match(d.message, /ENV arrive avant le premier FROM/);
    });

    it('reports ARG-only Dockerfiles with the "no stages" error', () => {
      assert.match(only('ARG V=1\n', 'dockerfile-no-from').message, /dockerfile contains no stages to build/);
    });
  });

  describe('unknown instructions', () => {
    it('names the instruction, suggests the closest one, and quotes BuildKit', () => {
      const text = 'FROM alpine:3.20\nRUNN echo hi\n';
      const d = only(text, 'dockerfile-unknown-instruction');
      assert.equal(covered(text, d), 'RUNN');
      assert.match(d.message, /« RUNN » n'est pas une instruction Dockerfile\. Voulais-tu dire « RUN » \?/);
      assert.match(d.message, /unknown instruction: RUNN \(did you mean run\?\)/);
    });

    it('explains a forgotten line continuation', () => {
      const d = only('FROM debian:12\nRUN apt-get update\n  && apt-get install -y curl\n', 'dockerfile-unknown-instruction');
      assert.match(d.message, /Il manque sans doute un « \\ » à la fin de la ligne précédente/);
    });

    it('accepts any case', () => {
      assert.deepEqual(codes('from alpine:3.20\nrun echo hi\ncmd ["sh"]\n'), []);
    });
  });

  describe('apt-get', () => {
    it('warns about install without -y, on the apt-get install words', () => {
      const text = 'FROM debian:12\nRUN apt-get update && apt-get install curl\n';
      const d = only(text, 'dockerfile-apt-get-yes');
      assert.equal(d.severity, DiagnosticSeverity.Warning);
      assert.equal(covered(text, d), 'apt-get install');
      assert.match(d.message, /Do you want to continue\? \[Y\/n\]/);
    });

    it('accepts -y, --yes, -qq, -y before the subcommand, and combined flags', () => {
      for (const run of ['apt-get install -y curl', 'apt-get install --yes curl', 'apt-get -qq install curl', 'apt-get -y install curl', 'apt-get install -qy curl', 'DEBIAN_FRONTEND=noninteractive apt-get install --assume-yes curl']) {
        assert.deepEqual(codes(`FROM debian:12\nRUN apt-get update && ${run}\n`), [], run);
      }
    });

    it('follows continuation lines to place the diagnostic', () => {
      const text = 'FROM debian:12\nRUN apt-get update \\\n    && apt-get install curl\n';
      const d = only(text, 'dockerfile-apt-get-yes');
      assert.deepEqual(d.range, { start: { line: 2, character: 7 }, end: { line: 2, character: 22 } });
    });

    it('advises apt-get update in the same RUN as install', () => {
      const text = 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n';
      const d = only(text, 'dockerfile-apt-get-update');
      assert.equal(d.severity, DiagnosticSeverity.Information);
      assert.equal(d.range.start.line, 2);
    });
  });

  describe('base image', () => {
    it('warns about a base image without tag and suggests a version', () => {
      const text = 'FROM nginx\n';
      const d = only(text, 'dockerfile-image-latest');
      assert.equal(d.severity, DiagnosticSeverity.Warning);
      assert.equal(covered(text, d), 'nginx');
      assert.match(d.message, /n'a pas de tag : Docker prend alors `nginx:latest`/);
      assert.match(d.message, /`nginx:1\.27`/);
    });

    it('warns about :latest, not about tags, digests, stage names, scratch or resolved ARGs', () => {
      assert.deepEqual(codes('FROM node:latest AS build\n'), ['dockerfile-image-latest']);
      assert.deepEqual(codes('FROM --platform=linux/amd64 node:20-alpine AS build\nFROM build\n'), []);
      assert.deepEqual(codes('FROM alpine@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n'), []);
      assert.deepEqual(codes('FROM scratch\nCOPY app /app\n'), []);
      assert.deepEqual(codes('ARG IMAGE=nginx:1.27\nFROM ${IMAGE}\n'), []);
      assert.deepEqual(codes('ARG IMAGE=nginx\nFROM ${IMAGE}\n'), ['dockerfile-image-latest']);
    });
  });

  describe('CMD and ENTRYPOINT', () => {
    it('fades every CMD of a stage but the last', () => {
      const text = 'FROM alpine:3.20\nCMD ["a"]\nCMD ["b"]\nCMD ["c"]\n';
      const found = diagnose(text);
      assert.deepEqual(found.map((d) => [d.code, d.range.start.line]), [['dockerfile-multiple-cmd', 1], ['dockerfile-multiple-cmd', 2]]);
      assert.deepEqual(found[0]!.tags, [DiagnosticTag.Unnecessary]);
      assert.match(found[0]!.message, /ligne 4/);
      assert.match(found[0]!.message, /Multiple CMD instructions should not be used in the same stage/);
    });

    it('counts per stage, and reports several ENTRYPOINT too', () => {
      assert.deepEqual(codes('FROM alpine:3.20 AS a\nCMD ["a"]\nFROM alpine:3.20\nCMD ["b"]\n'), []);
      assert.deepEqual(codes('FROM alpine:3.20\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\n'), ['dockerfile-multiple-entrypoint']);
    });

    it('recommends the exec form for a shell-form CMD or ENTRYPOINT', () => {
      const text = 'FROM node:20\nCMD node server.js\n';
      const d = only(text, 'dockerfile-shell-form');
      assert.equal(d.severity, DiagnosticSeverity.Information);
      assert.equal(covered(text, d), 'node server.js');
      assert.match(d.message, /`CMD \["node", "server\.js"\]`/);
      assert.match(d.message, /JSON arguments recommended for CMD/);
      assert.deepEqual(codes('FROM node:20\nENTRYPOINT exec node server.js\n'), ['dockerfile-shell-form']);
      assert.deepEqual(codes('FROM node:20\nSHELL ["/bin/bash", "-c"]\nCMD node server.js\n'), []);
    });

    it('warns when a JSON array is not JSON (single quotes)', () => {
      const d = only("FROM node:20\nCMD ['node', 'server.js']\n", 'dockerfile-json-invalid');
      assert.equal(d.severity, DiagnosticSeverity.Warning);
      assert.match(d.message, /guillemets doubles/);
    });
  });

  it('marks MAINTAINER as deprecated', () => {
    const d = only('FROM alpine:3.20\nMAINTAINER Ada <ada@example.com>\n', 'dockerfile-maintainer');
    assert.deepEqual(d.tags, [DiagnosticTag.Deprecated]);
    assert.match(d.message, /LABEL maintainer="Ada <ada@example.com>"/);
  });

  describe('EXPOSE', () => {
    it('reports invalid ports with Docker’s error, word by word', () => {
      const text = 'FROM alpine:3.20\nEXPOSE 80 http 70000 53/http 8080:80 $PORT\n';
      const found = diagnose(text).filter((d) => d.code === 'dockerfile-expose-invalid');
      assert.deepEqual(found.map((d) => covered(text, d)), ['http', '70000', '53/http', '8080:80']);
      assert.ok(found.every((d) => d.severity === DiagnosticSeverity.Error));
      assert.match(found[0]!.message, /invalid containerPort: http/);
      assert.match(found[2]!.message, /invalid proto: http/);
      assert.match(found[3]!.message, /docker run -p 8080:80/);
    });
  });

  it('advises COPY for plain files, not for URLs or archives', () => {
    const text = 'FROM alpine:3.20\nADD app.js /app/\n';
    assert.equal(covered(text, only(text, 'dockerfile-add-copy')), 'ADD');
    assert.deepEqual(codes('FROM alpine:3.20\nADD https://example.com/a.txt /a\nADD site.tar.gz /srv/\n'), []);
  });

  it('advises WORKDIR instead of cd in RUN', () => {
    const text = 'FROM alpine:3.20\nRUN cd /app && make\n';
    const d = only(text, 'dockerfile-cd-in-run');
    assert.equal(covered(text, d), 'cd');
  });

  it('follows the settings: a rule off, or at another level', () => {
    const text = 'FROM nginx\nRUN cd /x\n';
    assert.deepEqual(diagnose(text, { rules: { 'dockerfile-image-latest': 'off' } }).map((d) => d.code), ['dockerfile-cd-in-run']);
    assert.equal(diagnose(text, { rules: { 'dockerfile-cd-in-run': 'error' } })[1]!.severity, DiagnosticSeverity.Error);
  });

  it('gives every diagnostic the server’s source and a code', () => {
    for (const d of diagnose('RUNN x\nFROM nginx\nMAINTAINER x\nCMD a\nCMD b\n')) {
      assert.equal(d.source, 'atelier-kubernetes');
      assert.match(String(d.code), /^dockerfile-/);
    }
  });
});
