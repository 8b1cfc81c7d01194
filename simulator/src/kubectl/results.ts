/**
 * The one-line results kubectl prints after a change, by its name printer with an
 * "operation": `deployment.apps/web created`, `configured`, `unchanged`, `scaled`,
 * `restarted`, `rolled back`, `labeled`... and the odd one out, delete, which prints
 * `deployment.apps "web" deleted`.
 */
import type { KindInfo } from '../api/catalog';

export type ResultOperation =
  | 'created' | 'configured' | 'unchanged' | 'serverside-applied' | 'replaced' | 'patched' | 'edited'
  | 'scaled' | 'restarted' | 'rolled back' | 'paused' | 'resumed' | 'labeled' | 'annotated'
  | 'image updated' | 'exposed' | 'autoscaled' | 'cordoned' | 'uncordoned' | 'drained' | 'tainted';

/** `deployment.apps` / `pod`: the lower-case kind, then the group. */
export function kindWithGroup(info: Pick<KindInfo, 'kind' | 'group'>): string {
  return `${info.kind.toLowerCase()}${info.group === '' ? '' : `.${info.group}`}`;
}

/** `deployment.apps/web created` (with ` (dry run)` / ` (server dry run)` when asked). */
export function resultLine(info: Pick<KindInfo, 'kind' | 'group'>, name: string, operation: ResultOperation, dryRun?: 'client' | 'server'): string {
  const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
  return `${kindWithGroup(info)}/${name} ${operation}${suffix}\n`;
}

/** `deployment.apps "web" deleted`: what `kubectl delete` prints for each object. */
export function deletedLine(info: Pick<KindInfo, 'kind' | 'group'>, name: string, dryRun?: 'client' | 'server'): string {
  const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
  return `${kindWithGroup(info)} "${name}" deleted${suffix}\n`;
}
