/**
 * The terminal's tests run against the network tests' cluster (an nginx Deployment with a
 * ConfigMap and a Secret, a whoami Deployment, their Services), and read its output
 * without colours.
 */
export { podNames, runningCluster, WEB } from '../../simulator/network/fixtures';

const COLOURS = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** Text without the terminal's colours. */
export const plain = (text: string): string => text.replace(COLOURS, '');

