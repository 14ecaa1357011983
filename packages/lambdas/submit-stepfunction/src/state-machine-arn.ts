import { STATE_MACHINE_ARN_PATTERN } from '@data-pipeline/core';
import * as z from 'zod';

export const stateMachineArnSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'is missing' : 'must be a state machine ARN') })
  .regex(STATE_MACHINE_ARN_PATTERN, { error: (issue) => `is not a state machine ARN: ${JSON.stringify(issue.input)}` });
