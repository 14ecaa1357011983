/** A Lambda invocation that failed the way Lambda reports it: an error type, a message and a trace. */
export class LambdaInvocationError extends Error {
  constructor(
    readonly errorType: string,
    readonly errorMessage: string,
    readonly trace: string[] = [],
  ) {
    super(JSON.stringify({ errorMessage, errorType, trace }));
    this.name = errorType;
  }
}
