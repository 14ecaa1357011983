/** The references handed to the builders are incomplete or invalid; the message lists every problem. */
export class ReferencesError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid workflow references: ${problems.join('; ')}`);
    this.name = 'ReferencesError';
  }
}

/** A rendered definition does not pass asl-validator. */
export class DefinitionValidationError extends Error {
  constructor(
    readonly workflow: string,
    readonly errors: string[],
  ) {
    super(`${workflow} is not a valid state machine definition: ${errors.join('; ')}`);
    this.name = 'DefinitionValidationError';
  }
}

/** A workflow builder was asked for something it cannot express (a state name twice, a bad literal). */
export class DefinitionBuildError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DefinitionBuildError';
  }
}
