/**
 * The course's walkthroughs as data: walkthroughs/<chapter>/walkthrough.json, one per
 * chapter of simulator/src/api/chapters.ts (plus `bienvenue`). scripts/generate-walkthroughs.mjs
 * turns them into package.json's walkthroughs and walkthroughs/checks.json; the "Parcours"
 * view reads them for the titles; the course test runs each step's solution and exercise
 * on a fresh simulated cluster. Pure: no `vscode`.
 */
import type { Check } from './checks';

/** Lines typed in the Atelier's terminal and files applied, in this order. */
export interface Script {
  /** Files of the chapter folder applied with `kubectl apply -f`, in order. */
  files?: string[];
  /** Lines typed in the terminal (`kubectl …`, `docker …`), run from the chapter folder. */
  commands?: string[];
  /** Simulated seconds to let pass at the end (default 30). */
  advance?: number;
}

export interface Step {
  id: string;
  title: string;
  /** Short Markdown; buttons are `command:` links whose JSON arguments the generator encodes. */
  description: string;
  /** A Markdown or SVG file of the chapter folder. */
  media: string;
  altText?: string;
  /** What the cluster must hold for the step to tick itself. */
  check?: Check;
  /** For a step without check: the events that complete it (`onCommand:…`). */
  completionEvents?: string[];
  /** The exercise given to the learner, with gaps (a file or a folder of the chapter). */
  exercise?: string;
  /** What a learner who solved the step has done. */
  solution?: Script;
  /** What the earlier steps left in the cluster. */
  setup?: Script;
}

export interface Chapter {
  title: string;
  description: string;
  steps: Step[];
}

/** The key VS Code opens a walkthrough by (`workbench.action.openWalkthrough`). */
export const walkthroughKey = (chapter: string): string => `atelier-kubernetes.atelier-kubernetes#${chapter}`;

/** Where a chapter's data lives, relative to the extension's root. */
export const chapterFile = (chapter: string): string[] => ['walkthroughs', chapter, 'walkthrough.json'];

/** The `command:ID?ARGS` links of a description: id and the arguments' JSON, if any. */
export function commandLinks(markdown: string): { id: string; args?: unknown }[] {
  return [...markdown.matchAll(/\(command:([A-Za-z0-9_.-]+)(?:\?([[{].*?[\]}]))?\)(?=\s|$)/gm)].map((m) => {
    if (m[2] === undefined) return { id: m[1]! };
    let args: unknown;
    try {
      args = JSON.parse(m[2]);
    } catch {
      args = Symbol.for('invalid JSON');
    }
    return { id: m[1]!, args };
  });
}
