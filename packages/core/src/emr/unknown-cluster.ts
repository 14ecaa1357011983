import { ResourceNotFoundError } from '../errors';

/**
 * EMR answers `InvalidRequestException` for a cluster (or step) id it does not know. For use in a
 * `catch` around EMR calls: rethrows that as a ResourceNotFoundError with `message` (EMR's error as its
 * cause), and any other error as it is.
 */
export function rethrowUnknownCluster(error: unknown, message: string): never {
  if ((error as { name?: unknown } | null | undefined)?.name === 'InvalidRequestException') {
    throw new ResourceNotFoundError(message, { cause: error });
  }
  throw error;
}
