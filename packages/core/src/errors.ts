/** Base class of every error the pipeline raises on purpose; `name` tells Step Functions which one it was. */
export class PipelineError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PipelineError';
  }
}

/** A required environment variable of the Lambda is missing or empty. */
export class EnvironmentError extends PipelineError {
  constructor(
    readonly variable: string,
    message = `environment variable ${variable} is required but not set`,
  ) {
    super(message);
    this.name = 'EnvironmentError';
  }
}

/** One problem found in config.ini, located by section and key. */
export interface ConfigIssue {
  section: string;
  key?: string;
  problem: string;
}

/** config.ini could not be read from S3. */
export class ConfigReadError extends PipelineError {
  constructor(
    readonly source: string,
    options?: ErrorOptions,
  ) {
    super(`cannot read config file ${source}: ${describeCause(options?.cause)}`, options);
    this.name = 'ConfigReadError';
  }
}

/** config.ini was read but is not valid: every problem is listed with its section and key. */
export class ConfigValidationError extends PipelineError {
  constructor(
    readonly source: string,
    readonly issues: ConfigIssue[],
  ) {
    super(`invalid config file ${source}: ${issues.map(formatIssue).join('; ')}`);
    this.name = 'ConfigValidationError';
  }
}

/** The state file that holds the running cluster's id is missing, empty or does not hold a cluster id. */
export class StateFileError extends PipelineError {
  constructor(
    readonly location: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(`state file ${location}: ${message}`, options);
    this.name = 'StateFileError';
  }
}

/**
 * The state file records no cluster: it does not exist or is empty. Workflows that only clean up
 * (Terminate EMR Cluster) take this as nothing to do; the others fail on it like any StateFileError.
 */
export class NoClusterRecordedError extends StateFileError {
  constructor(location: string, message: string, options?: ErrorOptions) {
    super(location, message, options);
    this.name = 'NoClusterRecordedError';
  }
}

/** A Lambda received an event without a field it needs, or with a field of the wrong type. */
export class EventValidationError extends PipelineError {
  constructor(
    readonly lambda: string,
    readonly problems: string[],
  ) {
    super(`${lambda}: invalid event: ${problems.join('; ')}`);
    this.name = 'EventValidationError';
  }
}

/** An AWS resource the Lambda needs does not exist (an unknown cluster, no CORE fleet, an unknown state machine). */
export class ResourceNotFoundError extends PipelineError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ResourceNotFoundError';
  }
}

/** AWS answered an unexpected state or shape the pipeline cannot act on. */
export class UnexpectedResponseError extends PipelineError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'UnexpectedResponseError';
  }
}

export function formatIssue(issue: ConfigIssue): string {
  return issue.key === undefined ? `[${issue.section}] ${issue.problem}` : `[${issue.section}] ${issue.key}: ${issue.problem}`;
}

export function describeCause(cause: unknown): string {
  if (cause instanceof Error) return `${cause.name}: ${cause.message}`;
  return String(cause);
}
