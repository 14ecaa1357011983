// Faults a test or an operator can inject into the local EMR service.

export interface StepFault {
  /** Fails steps whose name contains this text. */
  stepName: string;
  message: string;
  /** How many matching steps fail (default: every one). */
  remaining: number;
  /**
   * `start` (default): the step fails before doing anything. `end`: the step does its work and then
   * fails, as a step whose node died after the work — an s3-dist-cp copies everything and deletes
   * nothing (the crash between copy and delete), a hive step writes its tables.
   */
  phase?: 'start' | 'end';
}

export class EmrFaults {
  clusterStart: string | undefined;
  spotUnavailable = false;
  readonly steps: StepFault[] = [];

  /** The fault for a step of this name, consumed once. */
  takeStepFault(name: string): StepFault | undefined {
    const fault = this.steps.find((candidate) => candidate.remaining > 0 && name.includes(candidate.stepName));
    if (fault) fault.remaining -= 1;
    return fault;
  }

  takeClusterStartFault(): string | undefined {
    const fault = this.clusterStart;
    this.clusterStart = undefined;
    return fault;
  }

  clear(): void {
    this.clusterStart = undefined;
    this.spotUnavailable = false;
    this.steps.length = 0;
  }
}
