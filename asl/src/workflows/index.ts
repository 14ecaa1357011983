import type { StateMachineDefinition } from '../asl/types';
import { validateReferences, type WorkflowReferences } from '../references';
import { addEmrWorkers } from './add-workers';
import type { WorkflowId } from './catalog';
import { launchEmrCluster } from './launch';
import { master } from './master';
import { tableProcess } from './table-process';
import { terminateEmrCluster } from './terminate';

export type WorkflowDefinitions = Record<WorkflowId, StateMachineDefinition>;

/** Builds the six definitions from the references; throws ReferencesError naming every bad reference. */
export function buildWorkflows(refs: WorkflowReferences): WorkflowDefinitions {
  validateReferences(refs);
  return {
    master: master(refs),
    'launch-emr-cluster': launchEmrCluster(refs),
    'dimension-process': tableProcess('dimension', refs),
    'add-emr-workers': addEmrWorkers(refs),
    'fact-process': tableProcess('fact', refs),
    'terminate-emr-cluster': terminateEmrCluster(refs),
  };
}
