// The six workflows: ids (file names of the rendered definitions) and the titles messages use.
import type { WorkflowId } from '@data-pipeline/model';

export { WORKFLOW_IDS, type WorkflowId } from '@data-pipeline/model';

export const WORKFLOW_TITLES: Record<WorkflowId, string> = {
  master: 'Master',
  'launch-emr-cluster': 'Launch EMR Cluster',
  'dimension-process': 'Dimension Process',
  'add-emr-workers': 'Add EMR Workers',
  'fact-process': 'Fact Process',
  'terminate-emr-cluster': 'Terminate EMR Cluster',
};
