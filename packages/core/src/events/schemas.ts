// The event each Lambda accepts (docs/ARCHITECTURE.md, "The Lambdas"). Extra fields are allowed and ignored, because the
// state machines pass their whole state. Fields with an environment fallback are optional here.
import * as z from 'zod';
import { EXECUTION_ARN_PATTERN, STATE_MACHINE_ARN_PATTERN } from '../arns';
import { clusterIdSchema } from '../state/cluster-id';

/**
 * Builds a schema when the module loads. Marked free of side effects, so a Lambda's bundle keeps only
 * the schemas that Lambda uses.
 */
const schema = /* @__NO_SIDE_EFFECTS__ */ <T>(build: () => T): T => build();

const field = (what: string) =>
  z.string({ error: (issue) => (issue.input === undefined ? 'is missing' : `must be ${what}`) }).min(1, { error: 'must not be empty' });

const pattern = (what: string, regex: RegExp) =>
  field(what).regex(regex, { error: (issue) => `is not ${what}: ${JSON.stringify(issue.input)}` });

export const stepIdSchema = schema(() => pattern('an EMR step id (s-…)', /^s-[0-9A-Z]{1,64}$/));
export const instanceFleetIdSchema = schema(() => pattern('an EMR instance fleet id (if-…)', /^if-[0-9A-Z]{1,64}$/));
/** A state machine ARN, also one qualified by a version number or an alias name. */
export const stateMachineArnSchema = schema(() => pattern('a state machine ARN', STATE_MACHINE_ARN_PATTERN));
export const executionArnSchema = schema(() => pattern('an execution ARN', EXECUTION_ARN_PATTERN));

/** Lambdas that need nothing from their event. */
export const anyEvent = schema(() => z.unknown());

export const clusterEvent = schema(() => z.looseObject({ ClusterId: clusterIdSchema }));

export const stepEvent = schema(() => z.looseObject({ ClusterId: clusterIdSchema, StepId: stepIdSchema }));

export const stepCommandSchema = schema(() => z.looseObject({ Step_Name: field('a step name'), Cmd_Run: field('a command line') }));
export type StepCommand = z.output<typeof stepCommandSchema>;

export const submitCommandEvent = schema(() =>
  z.looseObject({ ClusterId: clusterIdSchema, NextStepNameAndCmd: stepCommandSchema.optional() }),
);

export const workerResizeEvent = schema(() =>
  z.looseObject({
    ClusterId: clusterIdSchema,
    WorkerInstanceFleetId: instanceFleetIdSchema,
    TargetTotalWorkers: z
      .number({ error: (issue) => (issue.input === undefined ? 'is missing' : 'must be a number') })
      .int()
      .min(0),
  }),
);

export const submitStateMachineEvent = schema(() => z.looseObject({ nextStateMachineArn: stateMachineArnSchema.optional() }));

export const executionEvent = schema(() => z.looseObject({ executionArn: executionArnSchema }));

/** `currentExecutionArn` is the caller's own execution (`$$.Execution.Id`), for the first-started-wins rule. */
export const checkDuplicateExecutionEvent = schema(() =>
  z.looseObject({
    currentStepName: field('a state machine name or ARN').optional(),
    currentExecutionArn: executionArnSchema.optional(),
  }),
);

export const messageEvent = schema(() =>
  z.looseObject({
    Message: z.union([field('a string or an object'), z.record(z.string(), z.unknown())], {
      error: (issue) => (issue.input === undefined ? 'is missing' : 'must be a string or an object'),
    }),
    /** Any string: send-msg-sns makes it fit SNS's subject rules (one line, at most 100 characters) rather than refuse it. */
    Subject: z.string({ error: 'must be a string' }).optional(),
  }),
);

/** stage-landed-files: the work-area bucket and a declared table; `RunId` names the quarantine folder of this run. */
export const stageLandedFilesEvent = schema(() =>
  z.looseObject({
    Bucket: field('a bucket name'),
    Table: field('a table name'),
    RunId: field('a run id').max(256, { error: 'must have at most 256 characters' }).optional(),
  }),
);

/** check-landed-files: the tables to look at, each as stage-landed-files gets it (the work-area bucket and a declared table). */
export const checkLandedFilesEvent = schema(() =>
  z.looseObject({
    Tables: z
      .array(z.looseObject({ Bucket: field('a bucket name'), Table: field('a table name') }), {
        error: (issue) => (issue.input === undefined ? 'is missing' : 'must be a list of { Bucket, Table }'),
      })
      .min(1, { error: 'must list at least one table' }),
  }),
);
