// Structured JSON logs (Powertools Logger) carrying the request id and the pipeline's identifiers.
import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';

/** What a Lambda's logic logs with: the invocation's logger (`InvocationContext.logger`), or a fake in tests. */
export type Logger = Pick<PowertoolsLogger, 'info' | 'warn'>;

/** Identifiers copied from events and results into every log line of an invocation. */
export const PIPELINE_KEYS = ['ClusterId', 'StepId', 'executionArn', 'WorkerInstanceFleetId', 'nextStateMachineArn'] as const;

export function createLogger(serviceName: string): PowertoolsLogger {
  return new PowertoolsLogger({ serviceName, persistentKeys: { pipeline: 'data-pipeline' } });
}

/** The pipeline identifiers found at the top level of an event or result. */
export function pipelineKeys(value: unknown): Record<string, string> {
  const keys: Record<string, string> = {};
  if (value === null || typeof value !== 'object') return keys;
  for (const key of PIPELINE_KEYS) {
    const found = (value as Record<string, unknown>)[key];
    if (typeof found === 'string' && found) keys[key] = found;
  }
  return keys;
}
