// How big the CORE fleet should become (a pure function).

export interface ResizeInputs {
  /** Instances of the CORE fleet running now, on-demand and spot. */
  running: number;
  /** `[instances] ondemand_worker_count`: the on-demand target stays what the cluster was launched with. */
  onDemandWorkers: number;
  /** `[spot] spot_worker_increment_count`: spot workers to add. */
  spotIncrement: number;
}

export interface ResizePlan {
  TargetOnDemandCapacity: number;
  TargetSpotCapacity: number;
  TargetTotalWorkers: number;
}

/** The spot target is the spot workers running now (running − on-demand) plus the increment, never below 0. */
export function planResize({ running, onDemandWorkers, spotIncrement }: ResizeInputs): ResizePlan {
  const TargetOnDemandCapacity = onDemandWorkers;
  const TargetSpotCapacity = Math.max(0, running - onDemandWorkers + spotIncrement);
  return { TargetOnDemandCapacity, TargetSpotCapacity, TargetTotalWorkers: TargetOnDemandCapacity + TargetSpotCapacity };
}
