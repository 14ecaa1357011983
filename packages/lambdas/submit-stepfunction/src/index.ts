import { cachedClient, createSfnClient, defineLambda, regionOfArn } from '@data-pipeline/core';
import * as z from 'zod';
import { stateMachineArnSchema } from './state-machine-arn';
import { LAMBDA_NAME, submitExecution, targetStateMachine } from './submit-execution';

/** Core's `submitStateMachineEvent`, also accepting version- and alias-qualified state machine ARNs. */
const submitEvent = z.looseObject({ nextStateMachineArn: stateMachineArnSchema.optional() });

export const handler = defineLambda({
  name: LAMBDA_NAME,
  event: submitEvent,
  run: ({ event, env }) => {
    const stateMachineArn = targetStateMachine(event.nextStateMachineArn, env);
    return submitExecution(cachedClient(createSfnClient, regionOfArn(stateMachineArn), env), stateMachineArn, event);
  },
});
