// The parts of @data-pipeline/model the workflows consume, structurally identical to the model's
// exports (see packages/model). Kept here so the builders type-check on their own.
export type TableKind = 'dimension' | 'fact';

/** Seconds between polls, per environment. */
export interface PollIntervals {
  /** Launch: wait between status-emr polls. */
  clusterStart: number;
  /** Dimension/Fact: wait between status-step-emr polls. */
  step: number;
  /** Add workers: wait between status-add-worker-instances-emr polls. */
  resize: number;
  /** Master: wait between status-stepfunction polls. */
  childWorkflow: number;
  /** Terminate: wait between status-emr polls. */
  terminate: number;
}

/** The event shape submit-cmd-run-step-emr takes as `NextStepNameAndCmd`. */
export interface EmrStepCommand {
  Step_Name: string;
  Cmd_Run: string;
}

export interface TableWorkflowSteps {
  table: string;
  kind: TableKind;
  move: EmrStepCommand;
  load: EmrStepCommand;
  archive: EmrStepCommand;
}
