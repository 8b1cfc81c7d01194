/**
 * The pure patch code (simulator/src/store/patch) throws the simulator's StatusError; the
 * facade answers with ApiFailure. Both print the same Status (statusOf): this keeps the
 * facade's own type at its boundary.
 */
import { StatusError } from '../../src/api/errors';
import { ApiFailure } from '../status';

/** Runs `apply`, turning a StatusError into the same ApiFailure. */
export function asApiFailure<T>(apply: () => T): T {
  try {
    return apply();
  } catch (error) {
    if (error instanceof StatusError) throw new ApiFailure(error.code, error.reason, error.message, error.fr, error.causes);
    throw error;
  }
}
