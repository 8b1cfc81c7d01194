/**
 * The learner's progress through the course, chapter by chapter: which checked steps are
 * done. A step stays done once its check has held (deleting the Deployment afterwards,
 * or resetting the cluster, does not undo what was learnt), as VS Code's walkthroughs keep
 * a ticked step ticked. Pure: no `vscode`; the "Parcours" view draws it.
 */
import type { Chapter } from './chapter';
import { stepKey } from './checks';

export interface StepProgress {
  id: string;
  title: string;
  /** The step ticks itself on a check of the cluster (otherwise it is a reading step). */
  checked: boolean;
  done: boolean;
}

export interface ChapterProgress {
  id: string;
  /** The walkthrough's title, which carries the course's chapter number (`Chapitre 4 — …`). */
  label: string;
  steps: StepProgress[];
  /** Checked steps done, out of the checked steps. */
  done: number;
  total: number;
}

/** Progress for the chapters given (in course order), from the set of step keys done. */
export function courseProgress(chapters: readonly { id: string; data: Chapter }[], done: ReadonlySet<string>): ChapterProgress[] {
  return chapters.map(({ id, data }) => {
    const steps = data.steps.map((step) => ({ id: step.id, title: step.title, checked: step.check !== undefined, done: step.check !== undefined && done.has(stepKey(id, step.id)) }));
    const checked = steps.filter((step) => step.checked);
    return {
      id,
      label: data.title,
      steps,
      done: checked.filter((step) => step.done).length,
      total: checked.length,
    };
  });
}

/** Adds the keys that hold now to those done before; the same set when nothing new. */
export function recordDone(before: ReadonlySet<string>, values: ReadonlyMap<string, boolean>): ReadonlySet<string> {
  const added = [...values].filter(([key, value]) => value && !before.has(key)).map(([key]) => key);
  return added.length === 0 ? before : new Set([...before, ...added]);
}
