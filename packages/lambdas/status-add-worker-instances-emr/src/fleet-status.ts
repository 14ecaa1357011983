// How far a CORE fleet resize has come, judged from the fleet alone (a pure function).
import type { InstanceFleet } from '@aws-sdk/client-emr';
import { UnexpectedResponseError } from '@data-pipeline/core';

export type ResizeStatus = 'ADDING' | 'SUCCESS' | 'ERROR';

/** Fleet states while EMR is still provisioning; RUNNING is judged by the provisioned capacity. */
export const IN_PROGRESS_STATES = ['RESIZING', 'PROVISIONING', 'BOOTSTRAPPING'] as const;
export const FAILED_STATES = ['SUSPENDED', 'TERMINATING', 'TERMINATED'] as const;

export interface FleetJudgement {
  Status: ResizeStatus;
  /** What the judgement rests on, for the log. */
  details: {
    state: string;
    stateChangeCode?: string;
    stateChangeMessage?: string;
    provisioned: number;
    target: number;
    reason: string;
  };
}

export function judgeFleet(fleet: InstanceFleet, targetTotalWorkers: number): FleetJudgement {
  const state = fleet.Status?.State;
  const provisioned = (fleet.ProvisionedOnDemandCapacity ?? 0) + (fleet.ProvisionedSpotCapacity ?? 0);
  const base = {
    state: state ?? '(none)',
    ...(fleet.Status?.StateChangeReason?.Code ? { stateChangeCode: fleet.Status.StateChangeReason.Code } : {}),
    ...(fleet.Status?.StateChangeReason?.Message ? { stateChangeMessage: fleet.Status.StateChangeReason.Message } : {}),
    provisioned,
    target: targetTotalWorkers,
  };
  if (isOneOf(state, IN_PROGRESS_STATES)) return { Status: 'ADDING', details: { ...base, reason: `the fleet is ${state}` } };
  if (isOneOf(state, FAILED_STATES)) return { Status: 'ERROR', details: { ...base, reason: `the fleet is ${state}` } };
  if (state === 'RUNNING') {
    if (provisioned >= targetTotalWorkers) {
      return { Status: 'SUCCESS', details: { ...base, reason: `${provisioned} of ${targetTotalWorkers} workers provisioned` } };
    }
    return {
      Status: 'ERROR',
      details: {
        ...base,
        reason: `the resize ended with ${provisioned} of ${targetTotalWorkers} workers provisioned (spot capacity unavailable?)`,
      },
    };
  }
  throw new UnexpectedResponseError(`EMR instance fleet ${fleet.Id ?? '(no id)'} is in an unknown state: ${state ?? '(none)'}`);
}

function isOneOf<T extends string>(value: string | undefined, values: readonly T[]): value is T {
  return value !== undefined && (values as readonly string[]).includes(value);
}
