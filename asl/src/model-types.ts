// The parts of @data-pipeline/model the workflows consume.
export type { EmrStepCommand, PollIntervals, TableKind, TableWorkflowSteps } from '@data-pipeline/model';
