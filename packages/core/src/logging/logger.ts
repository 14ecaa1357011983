// Structured JSON logs (Powertools Logger) carrying the request id and the pipeline's identifiers.
import { Logger } from '@aws-lambda-powertools/logger';

/** Identifiers copied from events and results into every log line of an invocation. */
export const PIPELINE_KEYS = ['ClusterId', 'StepId', 'executionArn', 'WorkerInstanceFleetId', 'nextStateMachineArn'] as const;

export function createLogger(serviceName: string): Logger {
  return new Logger({ serviceName, persistentKeys: { pipeline: 'data-pipeline' } });
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
