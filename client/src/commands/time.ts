import type { AtelierContext } from '../context';

/** "Mettre le temps simulé en pause". */
export function pauseTime(ctx: AtelierContext) {
  return (): Promise<void> => ctx.time.pause();
}

/** "Reprendre le temps simulé". */
export function resumeTime(ctx: AtelierContext) {
  return (): Promise<void> => ctx.time.resume();
}
