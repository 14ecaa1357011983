import { PipelineError } from '@data-pipeline/core';

/** A zone of a table could not be listed; nothing was changed (this Lambda only lists). */
export class ZoneListingError extends PipelineError {
  constructor(
    readonly location: string,
    options?: ErrorOptions,
  ) {
    super(`could not list ${location}`, options);
    this.name = 'ZoneListingError';
  }
}
