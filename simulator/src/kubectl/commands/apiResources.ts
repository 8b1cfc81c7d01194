/**
 * `kubectl api-resources` (`-o wide|name`, `--namespaced`, `--api-group`, `--sort-by`,
 * `--verbs`, `--no-headers`): the discovery of the simulated API server, printed by the
 * presentation (kubectl/apiResources.ts).
 */
import { KINDS } from '../../api/catalog';
import { printApiResources } from '../apiResources';
import type { Command } from './context';
import { KubectlError, UsageError } from './errors';
import type { FlagSpec } from './parse';

const FLAGS: readonly FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string' },
  { name: 'no-headers', type: 'bool' },
  { name: 'namespaced', type: 'bool' },
  { name: 'api-group', type: 'string' },
  { name: 'sort-by', type: 'string' },
  { name: 'verbs', type: 'stringSlice' },
  { name: 'categories', type: 'stringSlice' },
  { name: 'cached', type: 'bool' },
];

export const API_RESOURCES: Command = {
  summary: 'Print the supported API resources on the server',
  flags: FLAGS,
  run({ args, flags, out }) {
    if (args.length > 0) throw new UsageError(`unexpected arguments: [${args.join(' ')}]`, 'kubectl api-resources ne prend pas d’argument (des options seulement, comme -o wide).');
    const output = flags.string('output');
    if (output !== '' && output !== 'wide' && output !== 'name') {
      throw new KubectlError(`--output ${output} is not available`, 'kubectl api-resources accepte -o wide ou -o name.');
    }
    const sortBy = flags.string('sort-by');
    if (sortBy !== '' && sortBy !== 'name' && sortBy !== 'kind') throw new KubectlError(`--sort-by accepts only name or kind`, '--sort-by accepte name ou kind.');
    const verbs = flags.list('verbs');
    const kinds = verbs.length === 0 ? KINDS : KINDS.filter((info) => verbs.every((verb) => info.verbs.includes(verb)));
    out.out(
      printApiResources(kinds, {
        wide: output === 'wide',
        name: output === 'name',
        noHeaders: flags.bool('no-headers'),
        ...(flags.has('namespaced') ? { namespaced: flags.bool('namespaced') } : {}),
        ...(flags.has('api-group') ? { apiGroup: flags.string('api-group') } : {}),
        ...(sortBy === 'name' || sortBy === 'kind' ? { sortBy } : {}),
      }),
    );
  },
};
