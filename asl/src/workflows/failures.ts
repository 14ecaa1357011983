import type { StatesBuilder } from '../asl/builder';
import { WorkflowFailures } from '../asl/failure';
import type { WorkflowReferences } from '../references';
import { WORKFLOW_TITLES, type WorkflowId } from './registry';

/** The failure handling of one workflow: notify with its title, start Terminate EMR Cluster where a cluster may be up. */
export function workflowFailures(workflow: WorkflowId, refs: WorkflowReferences, builder: StatesBuilder): WorkflowFailures {
  return new WorkflowFailures({
    title: WORKFLOW_TITLES[workflow],
    builder,
    notifyResource: refs.lambdas['send-msg-sns'],
    startWorkflowResource: refs.lambdas['submit-stepfunction'],
    terminateStateMachineArn: refs.stateMachines['terminate-emr-cluster'],
  });
}
