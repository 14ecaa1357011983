import { cachedClient, createSfnClient, defineLambda, regionOfArn, submitStateMachineEvent } from '@data-pipeline/core';
import { LAMBDA_NAME, submitExecution, targetStateMachine } from './submit-execution';

export const handler = defineLambda({
  name: LAMBDA_NAME,
  event: submitStateMachineEvent,
  run: ({ event, env }) => {
    const stateMachineArn = targetStateMachine(event.nextStateMachineArn, env);
    return submitExecution(cachedClient(createSfnClient, regionOfArn(stateMachineArn), env), stateMachineArn, event);
  },
});
