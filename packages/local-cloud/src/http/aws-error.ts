/** An error answered in the shape the AWS SDKs parse: an error code, a message and an HTTP status. */
export class AwsServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = code;
  }
}

export function validationError(message: string): AwsServiceError {
  return new AwsServiceError('ValidationException', message);
}
