import * as assert from 'node:assert/strict';
import {
  argOffset,
  command,
  env,
  expand,
  exposedPorts,
  fromImage,
  imageConfig,
  keyValues,
  parseDockerfile,
  stages,
  workdir,
} from '../../../simulator/src/docker/dockerfile';

const keywords = (text: string) => parseDockerfile(text).instructions.map((i) => i.keyword);

describe('simulator/docker/dockerfile: parsing', () => {
  it('reads one instruction per line, keyword upper-cased, args trimmed', () => {
    const df = parseDockerfile('from nginx:1.27\nRUN   echo hi  \n');
    assert.deepEqual(keywords('from nginx:1.27\nRUN   echo hi  \n'), ['FROM', 'RUN']);
    const [from, run] = df.instructions;
    assert.equal(from!.args, 'nginx:1.27');
    assert.equal(from!.original, 'from nginx:1.27');
    assert.equal(run!.args, 'echo hi');
    assert.equal(run!.line, 1);
    assert.equal(run!.start, 16);
    assert.equal(run!.end, 16 + 'RUN   echo hi  '.length);
  });

  it('skips comments and empty lines, and keeps indentation out of start', () => {
    const text = '# a comment\n\n   FROM alpine\n  # another\nCMD ["sh"]\n';
    const df = parseDockerfile(text);
    assert.deepEqual(df.instructions.map((i) => [i.keyword, i.line]), [['FROM', 2], ['CMD', 4]]);
    assert.equal(df.instructions[0]!.start, text.indexOf('FROM'));
  });

  it('joins backslash continuations, skipping comment and empty lines inside them', () => {
    const text = 'FROM debian\nRUN apt-get update \\\n  # why\n\n    && apt-get install -y curl\nEXPOSE 80';
    const df = parseDockerfile(text);
    const run = df.instructions[1]!;
    assert.equal(run.keyword, 'RUN');
    assert.equal(run.args, 'apt-get update     && apt-get install -y curl');
    assert.equal(run.line, 1);
    assert.equal(run.end, text.indexOf('\nEXPOSE'));
    assert.equal(run.original, text.slice(run.start, run.end));
    assert.equal(df.instructions[2]!.line, 5);
  });

  it('handles CRLF line endings', () => {
    const df = parseDockerfile('FROM alpine\r\nRUN echo a \\\r\n  b\r\nCMD ["x"]\r\n');
    assert.deepEqual(df.instructions.map((i) => i.args), ['alpine', 'echo a   b', '["x"]']);
    assert.deepEqual(df.instructions[2]!.exec, ['x']);
  });

  it('reads parser directives only at the very top', () => {
    const df = parseDockerfile('# syntax=docker/dockerfile:1\n# escape=`\nFROM windows\nRUN dir `\n  c:\\\n');
    assert.deepEqual(df.directives, { syntax: 'docker/dockerfile:1', escape: '`' });
    assert.equal(df.escape, '`');
    assert.equal(df.instructions[1]!.args, 'dir   c:\\');
    const late = parseDockerfile('FROM alpine\n# escape=`\n');
    assert.deepEqual(late.directives, {});
    assert.equal(late.escape, '\\');
    const afterComment = parseDockerfile('# hello\n# escape=`\nFROM alpine\n');
    assert.deepEqual(afterComment.directives, {});
  });

  it('parses JSON exec form and falls back to shell form on invalid JSON', () => {
    const df = parseDockerfile('FROM a\nCMD ["node", "server.js"]\nENTRYPOINT [\'sh\']\nRUN echo [x]\n');
    assert.deepEqual(df.instructions[1]!.exec, ['node', 'server.js']);
    assert.equal(df.instructions[2]!.exec, undefined);
    assert.equal(df.instructions[3]!.exec, undefined);
  });

  it('extracts leading --flags into flags and out of args', () => {
    const df = parseDockerfile('FROM --platform=linux/amd64 golang AS build\nCOPY --from=build --chown=app:app --link /out /app\n');
    assert.deepEqual(df.instructions[0]!.flags, { platform: 'linux/amd64' });
    assert.equal(df.instructions[0]!.args, 'golang AS build');
    assert.deepEqual(df.instructions[1]!.flags, { from: 'build', chown: 'app:app', link: '' });
    assert.equal(df.instructions[1]!.args, '/out /app');
  });

  it('reads heredocs into the instruction (minimal)', () => {
    const text = 'FROM alpine\nRUN <<EOF\necho one\necho two\nEOF\nCMD ["sh"]\n';
    const df = parseDockerfile(text);
    const run = df.instructions[1]!;
    assert.equal(run.args, '<<EOF');
    assert.deepEqual(run.heredocs, [{ name: 'EOF', content: 'echo one\necho two\n' }]);
    assert.equal(run.end, text.indexOf('\nCMD'));
    assert.equal(df.instructions[2]!.keyword, 'CMD');
    assert.equal(df.instructions[2]!.line, 5);
  });

  it('does not take << inside quotes for a heredoc', () => {
    const df = parseDockerfile('FROM alpine\nRUN echo "a <<EOF b"\nCMD ["sh"]\n');
    assert.equal(df.instructions[1]!.heredocs, undefined);
    assert.deepEqual(keywords('FROM alpine\nRUN echo "a <<EOF b"\nCMD ["sh"]\n'), ['FROM', 'RUN', 'CMD']);
  });

  it('never throws on odd text: lone escapes, unterminated quotes and heredocs, binary noise', () => {
    for (const text of ['\\', '\\\n\\\n', '\\\n  RUN x', 'RUN "unterminated \\', 'RUN <<EOF\nno end', '\u0000\u0001 \r\r\n', '[', '--flag', 'ENV', 'FROM\tx\tAS\ty']) {
      const df = parseDockerfile(text);
      for (const instruction of df.instructions) {
        assert.ok(instruction.start <= instruction.end && instruction.end <= text.length, JSON.stringify(text));
        assert.equal(instruction.original, text.slice(instruction.start, instruction.end));
      }
    }
    assert.deepEqual(parseDockerfile('\\\n  RUN x').instructions.map((i) => [i.keyword, i.args, i.start]), [['RUN', 'x', 4]]);
  });

  it('maps argument indexes back to document offsets across continuations', () => {
    const text = 'FROM a\nRUN apt-get update && \\\n  apt-get install curl\n';
    const run = parseDockerfile(text).instructions[1]!;
    const i = run.args.indexOf('install');
    assert.equal(argOffset(run, i), text.indexOf('install'));
    assert.equal(argOffset(run, 0), text.indexOf('apt-get'));
    assert.equal(argOffset(run, run.args.length), run.end);
  });

  it('reads ENV and LABEL key=value pairs, quoted values, and the legacy "ENV key value" form', () => {
    const df = parseDockerfile('FROM a\nENV A=1 B="two words" C=three\\ x\nENV LEGACY some value\nLABEL "com.example"="x y"\n');
    assert.deepEqual(keyValues(df.instructions[1]!), [
      { key: 'A', value: '1' },
      { key: 'B', value: '"two words"' },
      { key: 'C', value: 'three\\ x' },
    ]);
    assert.deepEqual(keyValues(df.instructions[2]!), [{ key: 'LEGACY', value: 'some value' }]);
    assert.deepEqual(keyValues(df.instructions[3]!), [{ key: '"com.example"', value: '"x y"' }]);
  });
});

describe('simulator/docker/dockerfile: expand', () => {
  const vars = { NAME: 'web', EMPTY: '' };
  it('substitutes $VAR and ${VAR}', () => {
    assert.equal(expand('/srv/$NAME/${NAME}_x', vars), '/srv/web/web_x');
  });
  it('supports the ${VAR:-default}, ${VAR-default}, ${VAR:+alt} and ${VAR+alt} modifiers', () => {
    assert.equal(expand('${EMPTY:-d}|${EMPTY-d}|${UNSET-d}|${NAME:+yes}|${EMPTY:+yes}|${EMPTY+set}', vars), 'd||d|yes||set');
  });
  it('leaves unknown variables empty, escaped dollars literal, single quotes untouched, and removes quotes', () => {
    assert.equal(expand('a$UNSET-b \\$NAME \'$NAME\' "$NAME x"', vars), 'a-b $NAME $NAME web x');
  });
  it('keeps a lone $ as is', () => {
    assert.equal(expand('cost $ 5', vars), 'cost $ 5');
  });
});

describe('simulator/docker/dockerfile: image config', () => {
  it('takes the last stage base, resolving stage names and global ARGs', () => {
    const text = 'ARG NODE=20\nFROM node:${NODE}-alpine AS build\nRUN npm ci\nFROM build AS final\nCMD ["node"]\n';
    const df = parseDockerfile(text);
    assert.equal(fromImage(df), 'node:20-alpine');
    assert.equal(fromImage(df, { NODE: '22' }), 'node:22-alpine');
    assert.deepEqual(stages(df).map((s) => [s.name, s.base]), [['build', 'node:20-alpine'], ['final', 'build']]);
    assert.equal(fromImage(parseDockerfile('FROM nginx\nFROM alpine:3.20\n')), 'alpine:3.20');
    assert.equal(fromImage(parseDockerfile('RUN x\n')), undefined);
  });

  it('lists exposed ports normalised as port/proto, ranges expanded, ARG/ENV substituted', () => {
    const df = parseDockerfile('FROM a\nARG P=8080\nEXPOSE 80 53/UDP $P\nEXPOSE 9000-9002/tcp 80/tcp\n');
    assert.deepEqual(exposedPorts(df), ['80/tcp', '53/udp', '8080/tcp', '9000/tcp', '9001/tcp', '9002/tcp']);
  });

  it('keeps ports exposed by an earlier stage the last stage is built FROM, not others', () => {
    const df = parseDockerfile('FROM a AS base\nEXPOSE 80\nFROM b AS other\nEXPOSE 81\nFROM base\nEXPOSE 82\n');
    assert.deepEqual(exposedPorts(df), ['80/tcp', '82/tcp']);
  });

  it('combines ENTRYPOINT and CMD as Docker does, shell form through /bin/sh -c', () => {
    assert.deepEqual(command(parseDockerfile('FROM a\nENTRYPOINT ["nginx"]\nCMD ["-g", "daemon off;"]\n')), ['nginx', '-g', 'daemon off;']);
    assert.deepEqual(command(parseDockerfile('FROM a\nCMD python app.py\n')), ['/bin/sh', '-c', 'python app.py']);
    assert.deepEqual(command(parseDockerfile('FROM a\nCMD ["a"]\nCMD ["b"]\n')), ['b']);
    assert.deepEqual(command(parseDockerfile('FROM a\nSHELL ["/bin/bash", "-lc"]\nCMD echo hi\n')), ['/bin/bash', '-lc', 'echo hi']);
    assert.equal(command(parseDockerfile('FROM a\nRUN x\n')), undefined);
  });

  it('resets an inherited CMD when ENTRYPOINT is set in a later stage, keeps a CMD of the same stage', () => {
    const df = parseDockerfile('FROM a AS one\nCMD ["x"]\nFROM one\nENTRYPOINT ["e"]\n');
    const config = imageConfig(df);
    assert.deepEqual(config.entrypoint, ['e']);
    assert.deepEqual(config.cmd, []);
    assert.deepEqual(command(df), ['e']);
    assert.deepEqual(command(parseDockerfile('FROM a\nCMD ["x"]\nENTRYPOINT ["e"]\n')), ['e', 'x']);
  });

  it('follows WORKDIR, relative paths included', () => {
    assert.equal(workdir(parseDockerfile('FROM a\nWORKDIR /app\nWORKDIR src/../lib\n')), '/app/lib');
    assert.equal(workdir(parseDockerfile('FROM a\nENV BASE=/srv\nWORKDIR $BASE/web\n')), '/srv/web');
    assert.equal(workdir(parseDockerfile('FROM a\n')), undefined);
  });

  it('accumulates ENV, expanding earlier values and ARGs; ARG values stay out of the image env', () => {
    const df = parseDockerfile('FROM a\nARG VERSION=1.0\nENV APP=web HOME_DIR=/home/$APP\nENV LABEL="v $VERSION" PATH=/x:$PATH\n');
    assert.deepEqual(env(df), { APP: 'web', HOME_DIR: '/home/', LABEL: 'v 1.0', PATH: '/x:' });
    assert.deepEqual(env(df, { VERSION: '2.0' }).LABEL, 'v 2.0');
    assert.deepEqual(env(parseDockerfile('FROM a\nENV K V W\n')), { K: 'V W' });
  });

  it('does not leak a global ARG into a stage unless it is declared again there', () => {
    const df = parseDockerfile('ARG V=1\nFROM a\nENV X=$V\nARG V\nENV Y=$V\n');
    assert.deepEqual(env(df), { X: '', Y: '1' });
  });

  it('collects USER, LABEL and VOLUME into the config', () => {
    const config = imageConfig(parseDockerfile('FROM a\nUSER app\nLABEL maintainer="me" version=1\nVOLUME ["/data"]\nVOLUME /logs /tmp\n'));
    assert.equal(config.user, 'app');
    assert.deepEqual(config.labels, { maintainer: 'me', version: '1' });
    assert.deepEqual(config.volumes, ['/data', '/logs', '/tmp']);
  });
});
