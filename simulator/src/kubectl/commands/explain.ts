/**
 * `kubectl explain RESOURCE[.FIELD...] [--recursive]`: the documentation of a kind or of
 * one of its fields (in French, from simulator/src/api/docs), laid out as kubectl v1.30
 * prints it (kubectl/explain.ts).
 */
import { explain } from '../explain';
import type { Command } from './context';
import { KubectlError } from './errors';
import type { FlagSpec } from './parse';

const FLAGS: readonly FlagSpec[] = [
  { name: 'recursive', type: 'bool' },
  { name: 'api-version', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
];

export const EXPLAIN: Command = {
  summary: 'Get documentation for a resource',
  flags: FLAGS,
  run({ args, flags, out }) {
    if (args.length === 0) {
      throw new KubectlError(
        'You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.',
        'Dis à kubectl quoi expliquer : « kubectl explain deployment » ou un champ, « kubectl explain deployment.spec.replicas ».',
      );
    }
    if (args.length > 1) throw new KubectlError('We accept only this format: explain RESOURCE', 'Un seul argument, les champs séparés par des points : « kubectl explain pod.spec.containers ».');
    const result = explain(args[0]!, { recursive: flags.bool('recursive') });
    out.out(result.stdout);
    if (result.stderr !== '') {
      out.err(result.stderr);
      out.exitCode = 1;
      out.hint(result.stderr.includes('does not exist') ? 'Ce champ n’existe pas à cet endroit : « kubectl explain » sur le niveau au-dessus liste les champs possibles.' : 'Ce type de ressource n’existe pas : « kubectl api-resources » liste les types connus.');
    }
  },
};
