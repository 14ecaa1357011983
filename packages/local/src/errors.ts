/** Something the local mode needs is not there: a bundle not built, a tool not installed, services not up. */
export class LocalModeError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'LocalModeError';
  }
}

/** A file given to land does not belong to any declared table. */
export class LandingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LandingError';
  }
}
