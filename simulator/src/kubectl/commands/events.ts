/**
 * `kubectl events [--for TYPE/NAME] [-A] [--types=Warning]` (kubectl v1.30's
 * cmd/events): the events of a namespace, oldest first, as the same LAST SEEN / TYPE /
 * REASON / OBJECT / MESSAGE table; `No events found in default namespace.` when empty.
 */
import { kindInfo } from '../../api/catalog';
import { formatTable } from '../get/printers';
import { sortEvents } from '../events';
import type { Command, CommandContext } from './context';
import { KubectlError } from './errors';
import type { FlagSpec } from './parse';
import { resolveType } from './resources';

const EVENTS = kindInfo('v1', 'Event')!;

const FLAGS: readonly FlagSpec[] = [
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'for', type: 'string' },
  { name: 'types', type: 'stringSlice' },
  { name: 'no-headers', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'chunk-size', type: 'int' },
];

function runEvents(context: CommandContext): void {
  const { flags, out } = context;
  if (context.args.length > 0) throw new KubectlError(`unexpected arguments: [${context.args.join(' ')}]`, 'kubectl events ne prend pas d’argument : utilise --for TYPE/NOM pour un seul objet.');
  const allNamespaces = flags.bool('all-namespaces');
  let events = context.cluster.store.list(EVENTS, { namespace: allNamespaces ? '' : context.namespace });
  const target = flags.string('for');
  if (target !== '') {
    const [type, name] = target.split('/');
    if (!type || !name) throw new KubectlError(`--for must be in resource/name form`, 'Écris --for TYPE/NOM, par exemple --for pod/web-1.');
    const info = resolveType(type);
    events = events.filter((event) => {
      const involved = (event.involvedObject ?? {}) as Record<string, unknown>;
      return involved.kind === info.kind && involved.name === name;
    });
  }
  const types = flags.list('types').map((type) => type.toLowerCase());
  for (const type of types) {
    if (type !== 'normal' && type !== 'warning') throw new KubectlError(`valid --types are Normal or Warning`, '--types accepte Normal et Warning.');
  }
  if (types.length > 0) events = events.filter((event) => types.includes(String(event.type).toLowerCase()));
  if (events.length === 0) {
    out.err(allNamespaces ? 'No events found.\n' : `No events found in ${context.namespace} namespace.\n`);
    return;
  }
  out.out(formatTable(EVENTS, sortEvents(events), { now: context.now, allNamespaces, noHeaders: flags.bool('no-headers') }));
}

export const EVENTS_COMMAND: Command = { summary: 'List events', flags: FLAGS, run: runEvents };
