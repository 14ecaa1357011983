import { describeCause, PipelineError } from '@data-pipeline/core';

/** One object S3 would not delete, as DeleteObjects reports it. */
export interface DeleteFailure {
  Key: string;
  Code: string;
  Message?: string;
}

/** How many failed keys the error message lists; the error object keeps them all. */
export const LISTED_FAILURES = 10;

/**
 * The folder was not emptied: some objects could not be deleted, or listing/deleting stopped on an
 * AWS error after some objects were deleted (then `cause` is that error). `deleted` objects are gone.
 */
export class FolderNotEmptiedError extends PipelineError {
  constructor(
    readonly folder: string,
    readonly deleted: number,
    readonly failures: DeleteFailure[],
    options?: ErrorOptions,
  ) {
    super(describe(folder, deleted, failures, options?.cause), options);
    this.name = 'FolderNotEmptiedError';
  }
}

function describe(folder: string, deleted: number, failures: DeleteFailure[], cause: unknown): string {
  const parts = [`deleted ${deleted} objects under ${folder}`];
  if (cause !== undefined) parts.push(`then stopped on ${describeCause(cause)}`);
  if (failures.length > 0) {
    const listed = failures.slice(0, LISTED_FAILURES).map((failure) => `${failure.Key} (${failure.Code})`);
    const more = failures.length > LISTED_FAILURES ? `, and ${failures.length - LISTED_FAILURES} more` : '';
    parts.push(`${failures.length} could not be deleted: ${listed.join(', ')}${more}`);
  }
  return parts.join('; ');
}
