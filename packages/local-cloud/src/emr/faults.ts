// Faults a test or an operator can inject into the local EMR service.

export interface StepFault {
  /** Fails steps whose name contains this text. */
  stepName: string;
  message: string;
  /** How many matching steps fail (default: every one). */
  remaining: number;
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
