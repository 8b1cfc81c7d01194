/**
 * What a Dockerfile rule reports: a code (also the settings key), a default severity, a
 * French message, a span of the text, and, where the fix is obvious, the edits of the quick
 * fix. Offsets are in the whole Dockerfile text.
 */
import { argOffset, type Instruction } from '../../../simulator/src/docker/dockerfile';
import type { Severity } from '../lint/rule';

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface DockerfileFix {
  /** The quick fix's title, in French. */
  title: string;
  edits: TextEdit[];
}

export interface DockerfileFinding {
  code: string;
  severity: Severity;
  start: number;
  end: number;
  message: string;
  /** Shown struck through (MAINTAINER) or faded (a CMD that does not count). */
  tag?: 'deprecated' | 'unnecessary';
  fix?: DockerfileFix;
}

/** A word of an instruction's args, with its index in args. */
export interface Word {
  text: string;
  index: number;
}

/** Words of args split on blanks (quotes are not special: callers use them for simple lists). */
export function wordsOf(args: string): Word[] {
  return [...args.matchAll(/\S+/g)].map((match) => ({ text: match[0], index: match.index }));
}

/** The span of the keyword of an instruction. */
export function keywordSpan(instruction: Instruction): [number, number] {
  return [instruction.start, instruction.start + instruction.keyword.length];
}

/** The document span of args[index, index + length). */
export function argSpan(instruction: Instruction, index: number, length: number): [number, number] {
  return [argOffset(instruction, index), argOffset(instruction, index + length - 1) + 1];
}

/** The span of the whole instruction's args (keyword to end when there are none). */
export function argsSpan(instruction: Instruction): [number, number] {
  return instruction.args === '' ? keywordSpan(instruction) : argSpan(instruction, 0, instruction.args.length);
}

/** `\nChapitre : …` as the YAML lint messages end. */
export const CHAPTER_SUFFIX = '\nChapitre : Docker et les conteneurs';
