/** Errors of the infrastructure app: each names what is wrong and how to fix it. */

export class StaleBundleError extends Error {
  override name = 'StaleBundleError';
  constructor(
    readonly lambda: string,
    readonly missingTables: string[],
    options?: { cause?: unknown },
  ) {
    super(
      `the bundle of ${lambda} does not know the declared table(s) ${missingTables.join(', ')}: it was built from other declarations than this deploy's definitions; build it again with \`pnpm build\``,
      options,
    );
  }
}

export class MissingBundleError extends Error {
  override name = 'MissingBundleError';
  constructor(
    readonly lambda: string,
    readonly path: string,
    options?: { cause?: unknown },
  ) {
    super(`the bundle of ${lambda} is missing at ${path}: build it with \`pnpm --filter @data-pipeline/${lambda} build\``, options);
  }
}

export class MissingHiveScriptError extends Error {
  override name = 'MissingHiveScriptError';
  constructor(
    readonly table: string,
    readonly path: string,
    options?: { cause?: unknown },
  ) {
    super(`the load script of table ${table} is missing at ${path}: every table of the model needs one`, options);
  }
}

export class UnsupportedEnvironmentError extends Error {
  override name = 'UnsupportedEnvironmentError';
  constructor(environment: string, deployable: readonly string[]) {
    super(`environment "${environment}" has no stack: deployable environments are ${deployable.join(', ')}`);
  }
}

export class WildcardResourceError extends Error {
  override name = 'WildcardResourceError';
  constructor(sid: string, actions: readonly string[]) {
    super(
      `statement ${sid} grants ${actions.join(', ')} on "*", but only actions without a resource type may: ` +
        'name the resources, or add the action to actionsWithoutResourceTypes with the reason',
    );
  }
}

export class InvalidPolicyError extends Error {
  override name = 'InvalidPolicyError';
}

export class UnknownWorkflowError extends Error {
  override name = 'UnknownWorkflowError';
  constructor(readonly workflow: string) {
    super(`workflow ${workflow} is not built yet: state machines are created in WORKFLOW_IDS order`);
  }
}

export class UnsupportedColumnTypeError extends Error {
  override name = 'UnsupportedColumnTypeError';
  constructor(
    readonly table: string,
    readonly column: string,
    readonly type: string,
  ) {
    super(`column ${column} of ${table} has type ${type}, which a QuickSight data set cannot read: turn QuickSight off or change the type`);
  }
}

export class UnknownStackError extends Error {
  override name = 'UnknownStackError';
  constructor(
    readonly requested: string,
    known: readonly string[],
  ) {
    super(`there is no stack "${requested}": the stacks are ${known.join(', ')}`);
  }
}
