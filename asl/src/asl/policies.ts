// The error handling every Lambda Task shares.
import type { Catcher, Retrier } from './types';

/** Errors the Lambda service raises around an invocation; worth retrying with backoff. */
export const TRANSIENT_LAMBDA_ERRORS = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
] as const;

/** 2 s, 4 s, 8 s, 16 s, 30 s, 30 s (full jitter): about 90 s of trouble at most before the Catch. */
export const LAMBDA_RETRY: Retrier = {
  ErrorEquals: [...TRANSIENT_LAMBDA_ERRORS],
  IntervalSeconds: 2,
  MaxAttempts: 6,
  BackoffRate: 2,
  MaxDelaySeconds: 30,
  JitterStrategy: 'FULL',
};

/** Where a caught error lands in the state's data: `{ Error, Cause }`. */
export const FAILURE_PATH = '$.failure';

export function catchAll(next: string, resultPath: string = FAILURE_PATH): Catcher {
  return { ErrorEquals: ['States.ALL'], ResultPath: resultPath, Next: next };
}
