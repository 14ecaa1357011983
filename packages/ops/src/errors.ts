// The errors the CLI raises on purpose; each maps to one exit code (see exit-codes.ts).

/** The command line is wrong: an unknown workflow, table or option value. */
export class UsageError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'UsageError';
  }
}

/** The command will not act in the pipeline's current state; nothing was changed. */
export class RefusedError extends Error {
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'RefusedError';
  }
}

/** The environment cannot be reached or is not deployed as the model says (local services down, a state machine missing). */
export class EnvironmentUnavailableError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'EnvironmentUnavailableError';
  }
}
