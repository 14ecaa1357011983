/** A local service could not be started: a tool is missing, its jar is not fetched, or it never answered. */
export class ServiceStartError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ServiceStartError';
  }
}
