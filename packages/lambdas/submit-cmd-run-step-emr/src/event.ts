// The event of this Lambda: core's submitCommandEvent, with the environment fallback resolved while the
// event is validated, so a command that is neither in the event nor in the environment fails before any
// AWS call (config.ini included). The handler reads the same process.env.
import { submitCommandEvent } from '@data-pipeline/core';
import * as z from 'zod';
import { resolveStepCommand } from './step-command';

export const LAMBDA_NAME = 'submit-cmd-run-step-emr';

export const submitStepEvent = submitCommandEvent.transform((event, context) => {
  const resolution = resolveStepCommand(event.NextStepNameAndCmd, process.env);
  if ('problems' in resolution) {
    for (const { path, message } of resolution.problems)
      context.addIssue({ code: 'custom', path, message, input: event.NextStepNameAndCmd });
    return z.NEVER;
  }
  return { ClusterId: event.ClusterId, command: resolution.command };
});
