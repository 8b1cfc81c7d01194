/**
 * `kubectl version [--client]`: the client and the (simulated) server versions, as
 * kubectl v1.30 prints them.
 */
import { KUBERNETES_VERSION } from '../../version';
import type { Command } from './context';
import { KubectlError } from './errors';

/** The Kustomize kubectl v1.30 embeds. */
const KUSTOMIZE_VERSION = 'v5.0.4-0.20230601165947-6ce0bf390ce3';

export const VERSION: Command = {
  summary: 'Print the client and server version information',
  flags: [{ name: 'client', type: 'bool' }, { name: 'output', short: 'o', type: 'string' }],
  run({ flags, out }) {
    const output = flags.string('output');
    if (output !== '') throw new KubectlError(`--output ${output} is not available in the simulated cluster`, 'kubectl version imprime ici le format texte seulement.');
    out.out(`Client Version: ${KUBERNETES_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
    if (!flags.bool('client')) out.out(`Server Version: ${KUBERNETES_VERSION}\n`);
  },
};
