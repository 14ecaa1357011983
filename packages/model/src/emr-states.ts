// EMR's cluster states that count as up or coming up: what the duplicate checks look for (core's
// findActiveClusters) and what the local EMR treats as active. Its own entry point
// (@data-pipeline/model/emr-states), so the Lambda bundles that import it carry nothing else of the model.
// https://docs.aws.amazon.com/emr/latest/APIReference/API_ClusterStatus.html

/** The states of a cluster that is still coming up or can still run steps. */
export const ACTIVE_CLUSTER_STATES = ['STARTING', 'BOOTSTRAPPING', 'RUNNING', 'WAITING'] as const;
export type ActiveClusterState = (typeof ACTIVE_CLUSTER_STATES)[number];
