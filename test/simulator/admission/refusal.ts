/** What the admission suites share: the StatusError a create is refused with. */
import * as assert from 'node:assert/strict';
import { StatusError } from '../../../simulator/src/api/errors';
import type { Cluster } from '../../../simulator/src/cluster';
import type { KubeObject } from '../../../simulator/src/store/store';

/** The error `cluster.store.create(object)` throws; fails the test when the create is accepted. */
export function refusal(cluster: Cluster, object: KubeObject): StatusError {
  try {
    cluster.store.create(object);
  } catch (error) {
    assert.ok(error instanceof StatusError, String(error));
    return error;
  }
  assert.fail('the create was accepted');
}
