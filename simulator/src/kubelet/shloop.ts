/**
 * What the shell can tell of a loop before running it: a `while true` whose body does the
 * same thing on every turn can be fast-forwarded (whole iterations skipped when their
 * lines are not needed), which keeps a week-long `while true; do ...; sleep 5; done` cheap.
 */
import type { Command, List } from './shparse';

/** `true`, `:` (or `false`) alone: the condition of a loop that never ends by itself. */
export function isConstant(list: List, value: 'true' | 'false'): boolean {
  if (list.length !== 1 || list[0]!.rest.length > 0 || list[0]!.first.commands.length !== 1) return false;
  const command = list[0]!.first.commands[0]!;
  if (command.type === 'simple' && command.words.length === 1) return command.words[0] === value || (value === 'true' && command.words[0] === ':');
  return command.type === 'simple' && command.words[0] === '[' && command.words.length === 3 && value === 'true';
}

/** No exit, break, assignment or arithmetic: each iteration does the same thing. */
export function isPure(list: List): boolean {
  const visit = (command: Command): boolean => {
    switch (command.type) {
      case 'simple':
        return command.assignments.length === 0 && !command.words.some((word) => /^(exit|break|return|read|export)$/.test(word) || word.includes('$((') || word.includes('$RANDOM'));
      case 'group':
        return isPure(command.body);
      case 'if':
        return command.branches.every((branch) => isPure(branch.condition) && isPure(branch.body)) && (!command.otherwise || isPure(command.otherwise));
      default:
        return false;
    }
  };
  return list.every((item) => [item.first, ...item.rest.map((rest) => rest.pipeline)].every((pipeline) => pipeline.commands.every(visit)));
}
