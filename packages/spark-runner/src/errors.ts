/** Errors of the Spark runner wrapper. A failing HiveQL statement is not an error here: it is a non-zero exitCode. */

export class VenvMissingError extends Error {
  override name = 'VenvMissingError';
  constructor(python: string) {
    super(`${python} is missing: create the Python environment with \`pnpm --filter @data-pipeline/spark-runner run setup\``);
  }
}

export class RunnerStartError extends Error {
  override name = 'RunnerStartError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export class SessionClosedError extends Error {
  override name = 'SessionClosedError';
  constructor(detail: string) {
    super(`the Spark session is closed: ${detail}`);
  }
}

export class InvalidRunOptionsError extends Error {
  override name = 'InvalidRunOptionsError';
  constructor(problem: string) {
    super(`invalid Hive run options: ${problem}`);
  }
}

export class RequirementsError extends Error {
  override name = 'RequirementsError';
  constructor(file: string, problem: string) {
    super(`${file} ${problem}`);
  }
}
