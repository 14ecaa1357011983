/** Errors of the pipeline model: each names what is wrong. */

export class UnknownEnvironmentError extends Error {
  override name = 'UnknownEnvironmentError';
  constructor(
    readonly environment: string,
    known: readonly string[],
  ) {
    super(`unknown environment "${environment}": expected one of ${known.join(', ')}`);
  }
}

export class InvalidEnvironmentError extends Error {
  override name = 'InvalidEnvironmentError';
  constructor(environment: string, problems: string[], options?: { cause?: unknown }) {
    super(`environment "${environment}" is invalid: ${problems.join('; ')}`, options);
  }
}

export class InvalidTableError extends Error {
  override name = 'InvalidTableError';
  constructor(table: string, problems: string[], options?: { cause?: unknown }) {
    super(`table "${table}" is invalid: ${problems.join('; ')}`, options);
  }
}

export class UnknownTableError extends Error {
  override name = 'UnknownTableError';
  constructor(
    readonly table: string,
    known: readonly string[],
  ) {
    super(`unknown table "${table}": expected one of ${known.join(', ')}`);
  }
}
