import { WORKFLOW_IDS } from '@data-pipeline/asl';
import { TerraformOutput, type TerraformStack } from 'cdktf';
import type { PeopleAccess } from './access/people-access';
import { PERSON_ROLES } from './access/people-grants';
import type { PipelineFunctions } from './compute/pipeline-functions';
import type { StatusTopic } from './notification/status-topic';
import type { Workflows } from './orchestration/workflows';
import type { WorkAreaBucket } from './storage/work-area-bucket';

export interface OutputSources {
  bucket: WorkAreaBucket;
  topic: StatusTopic;
  workflows: Workflows;
  functions: PipelineFunctions;
  people: PeopleAccess;
}

/** What operators and the ops CLI need after a deploy: bucket, topic, state machines, functions, the people's roles. */
export function addOutputs(stack: TerraformStack, sources: OutputSources): void {
  new TerraformOutput(stack, 'work_area_bucket', { value: sources.bucket.bucket.bucket, description: 'The work-area bucket' });
  new TerraformOutput(stack, 'status_topic_arn', { value: sources.topic.topic.arn, description: 'The status mail topic' });
  new TerraformOutput(stack, 'state_machine_arns', {
    description: 'State machine ARN of each workflow',
    value: Object.fromEntries(WORKFLOW_IDS.map((workflow) => [workflow, sources.workflows.get(workflow).stateMachine.arn])),
  });
  new TerraformOutput(stack, 'function_names', {
    description: 'Function name of each Lambda',
    value: Object.fromEntries(sources.functions.all.map((fn) => [fn.lambda, fn.function.functionName])),
  });
  new TerraformOutput(stack, 'function_alias_arns', {
    description: 'The alias ARN (what the workflows invoke) of each Lambda',
    value: sources.functions.aliasArns(),
  });
  new TerraformOutput(stack, 'people_role_arns', {
    description: 'The role ARN people assume, per role (analyst, data-engineer, operator)',
    value: Object.fromEntries(PERSON_ROLES.map((role) => [role, sources.people.arnOf(role)])),
  });
}
