import { PipelineError } from '@data-pipeline/core';

/** A landed file could not be moved (copied, then deleted at its source); nothing is lost: the copy is repeated on the next run. */
export class FileMoveError extends PipelineError {
  constructor(
    readonly source: string,
    readonly destination: string,
    options?: ErrorOptions,
  ) {
    super(`could not move s3://${source} to s3://${destination}`, options);
    this.name = 'FileMoveError';
  }
}

/** CopyObject copies at most 5 GiB in one request; larger landed files are refused by name. */
export class FileTooLargeError extends PipelineError {
  constructor(
    readonly key: string,
    readonly size: number,
  ) {
    super(`${key} is ${size} bytes: a landed file may be at most 5 GiB (split it into several files)`);
    this.name = 'FileTooLargeError';
  }
}
