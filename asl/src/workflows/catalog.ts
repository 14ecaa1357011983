// The six workflows: ids (file names of the rendered definitions) and the titles messages use.
export const WORKFLOW_IDS = [
  'master',
  'launch-emr-cluster',
  'dimension-process',
  'add-emr-workers',
  'fact-process',
  'terminate-emr-cluster',
] as const;

export type WorkflowId = (typeof WORKFLOW_IDS)[number];

export const WORKFLOW_TITLES: Record<WorkflowId, string> = {
  master: 'Master',
  'launch-emr-cluster': 'Launch EMR Cluster',
  'dimension-process': 'Dimension Process',
  'add-emr-workers': 'Add EMR Workers',
  'fact-process': 'Fact Process',
  'terminate-emr-cluster': 'Terminate EMR Cluster',
};
