import { cachedClient, checkDuplicateExecutionEvent, createSfnClient, defineLambda, optionalEnv, regionOfArn } from '@data-pipeline/core';
import { type CheckDuplicateResult, checkDuplicate } from './check-duplicate';
import { LAMBDA_NAME, resolveStateMachineArn, stateMachineRef } from './target';

export const handler = defineLambda({
  name: LAMBDA_NAME,
  event: checkDuplicateExecutionEvent,
  run: async ({ event, env, region, logger }): Promise<CheckDuplicateResult> => {
    const ref = stateMachineRef(event.currentStepName, event.currentExecutionArn, env);
    // A state machine lives in the region its ARN names; one given by name is looked for in the Lambda's own region.
    const sfnRegion = 'arn' in ref ? regionOfArn(ref.arn) : (optionalEnv('AWS_REGION', env) ?? region);
    const sfn = cachedClient(createSfnClient, sfnRegion, env);
    const stateMachineArn = await resolveStateMachineArn(sfn, ref);
    const check = await checkDuplicate(sfn, stateMachineArn, event.currentExecutionArn);
    if (check.Status === 'RUNNING') logger.info('another execution is running', { stateMachineArn, runningExecutions: check.others });
    return { Status: check.Status };
  },
});
