/**
 * BuildKit's plain progress output (`docker build --progress=plain`, what docker prints
 * when its output is not a terminal), and its error report: the failing step's last log
 * lines, the Dockerfile lines around the instruction (errdefs.Source.Print), then
 * `ERROR: failed to solve: ...`. The simulator chooses this form for every build.
 */
import { seconds } from './format';

export class PlainProgress {
  private readonly lines: string[] = [];
  private count = 0;

  /** `#0 building with "default" instance using docker driver`, then a blank line. */
  start(): void {
    this.lines.push('#0 building with "default" instance using docker driver', '');
  }

  /** A new vertex (`#3 [internal] load .dockerignore`); its lines follow. */
  vertex(name: string): Vertex {
    const number = ++this.count;
    this.lines.push(`#${number} ${name}`);
    return new Vertex(number, name, this.lines);
  }


  toString(): string {
    return this.lines.length === 0 ? '' : `${this.lines.join('\n')}\n`;
  }
}

export class Vertex {
  /** The lines the step's process printed (`0.231 hello`), for the error report. */
  readonly logs: string[] = [];

  constructor(
    readonly number: number,
    readonly name: string,
    private readonly lines: string[],
  ) {}

  /** A status or log line of this vertex (`#5 transferring context: 2B done`). */
  log(text: string): void {
    this.lines.push(`#${this.number} ${text}`);
  }

  /** A line the step's process wrote, `offsetMs` after the step started. */
  output(offsetMs: number, text: string): void {
    const line = `${(offsetMs / 1000).toFixed(3)} ${text}`;
    this.logs.push(line);
    this.log(line);
  }

  done(ms: number): void {
    this.lines.push(`#${this.number} DONE ${seconds(ms)}`, '');
  }

  cached(): void {
    this.lines.push(`#${this.number} CACHED`, '');
  }

  error(message: string): void {
    this.lines.push(`#${this.number} ERROR: ${message}`);
  }
}

/**
 * Mirrors errdefs.Source.Print: the file name and first line of the instruction, then the
 * lines around it (4 lines of context for a one-line instruction, 2 otherwise, taken
 * alternately before and after), the instruction's lines marked `>>>`.
 */
export function sourceBlock(fileName: string, text: string, startLine: number, endLine: number): string {
  const lines = text.split('\n');
  let start = startLine;
  let end = endLine;
  const pad = start === end ? 4 : 2;
  for (let p = 0; p < pad; p++) {
    if (start > 1) {
      start--;
      p++;
    }
    if (end !== lines.length) {
      end++;
      p++;
    }
  }
  const out = [`${fileName}:${startLine}`, '--------------------'];
  for (let i = start; i <= end; i++) out.push(` ${String(i).padStart(3)} | ${i >= startLine && i <= endLine ? '>>>' : '   '} ${lines[i - 1] ?? ''}`);
  out.push('--------------------');
  return `${out.join('\n')}\n`;
}

/** The report of a failed vertex: its name and last log lines between dashes. */
export function vertexReport(vertex: Vertex): string {
  return `------\n > ${vertex.name}:\n${vertex.logs.map((line) => `${line}\n`).join('')}------\n`;
}
