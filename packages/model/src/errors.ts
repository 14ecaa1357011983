/** Errors of the pipeline model: each names what is wrong. */

export class UnknownEnvironmentError extends Error {
  override name = 'UnknownEnvironmentError';
  constructor(
    readonly environment: string,
    known: readonly string[],
  ) {
    super(`unknown environment "${environment}": expected one of ${known.join(', ')}`);
  }
}

export class InvalidEnvironmentError extends Error {
  override name = 'InvalidEnvironmentError';
  constructor(environment: string, problems: string[], options?: { cause?: unknown }) {
    super(`environment "${environment}" is invalid: ${problems.join('; ')}`, options);
  }
}

export class InvalidTableError extends Error {
  override name = 'InvalidTableError';
  constructor(table: string, problems: string[], options?: { cause?: unknown }) {
    super(`table "${table}" is invalid: ${problems.join('; ')}`, options);
  }
}

export class UnknownTableError extends Error {
  override name = 'UnknownTableError';
  constructor(
    readonly table: string,
    known: readonly string[],
  ) {
    super(`unknown table "${table}": expected one of ${known.join(', ')}`);
  }
}

/** One problem of a settings file: the setting (a dotted path) and what is wrong with it. */
export interface SettingProblem {
  setting: string;
  message: string;
}

function listed(problems: readonly SettingProblem[]): string {
  return problems.map((problem) => `setting "${problem.setting}" ${problem.message}`).join('; ');
}

export class MissingSettingsFileError extends Error {
  override name = 'MissingSettingsFileError';
  constructor(
    readonly file: string,
    example: string,
    options?: { cause?: unknown },
  ) {
    super(
      `${file} does not exist: create it from the example (cp ${example} ${file}) and set the account's own values ` +
        '(see the README, "Deploying to an AWS account"); DATA_PIPELINE_SETTINGS=example reads the shipped examples instead',
      options,
    );
  }
}

export class UnreadableSettingsError extends Error {
  override name = 'UnreadableSettingsError';
  constructor(
    readonly file: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${file} cannot be read as JSON: ${reason}`, options);
  }
}

export class InvalidSettingsError extends Error {
  override name = 'InvalidSettingsError';
  constructor(
    readonly file: string,
    readonly problems: readonly SettingProblem[],
    options?: { cause?: unknown },
  ) {
    super(`${file} is invalid: ${listed(problems)}`, options);
  }
}

export class PlaceholderSettingsError extends Error {
  override name = 'PlaceholderSettingsError';
  constructor(
    readonly file: string,
    readonly problems: readonly SettingProblem[],
  ) {
    super(`${file} still holds example values: ${listed(problems)}. Set the account's own values`);
  }
}

export class UnknownSettingsSourceError extends Error {
  override name = 'UnknownSettingsSourceError';
  constructor(readonly value: string) {
    super(`DATA_PIPELINE_SETTINGS is "${value}": leave it unset to read environments/<env>.json, or set it to "example"`);
  }
}

export class UnknownReleaseError extends Error {
  override name = 'UnknownReleaseError';
  constructor(
    readonly releaseLabel: string,
    known: readonly string[],
  ) {
    super(
      `EMR release ${releaseLabel} is not in the model's table of releases and their Spark versions (packages/model/src/engine.ts): ` +
        `expected one of ${known.join(', ')}; add it from the EMR Spark release history`,
    );
  }
}
