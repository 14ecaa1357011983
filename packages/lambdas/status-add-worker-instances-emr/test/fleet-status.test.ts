import type { InstanceFleet, InstanceFleetState } from '@aws-sdk/client-emr';
import { describe, expect, it } from 'vitest';
import { judgeFleet } from '../src/fleet-status';

function fleet(
  state: InstanceFleetState | undefined,
  onDemand: number,
  spot: number,
  reason?: { Code: 'INSTANCE_FAILURE'; Message: string },
): InstanceFleet {
  return {
    Id: 'if-2CORE',
    InstanceFleetType: 'CORE',
    Status: { ...(state ? { State: state } : {}), ...(reason ? { StateChangeReason: reason } : {}) },
    ProvisionedOnDemandCapacity: onDemand,
    ProvisionedSpotCapacity: spot,
  };
}

describe('Function: judgeFleet', () => {
  it.each([
    ['RESIZING', 'ADDING'],
    ['PROVISIONING', 'ADDING'],
    ['BOOTSTRAPPING', 'ADDING'],
    ['SUSPENDED', 'ERROR'],
    ['TERMINATING', 'ERROR'],
    ['TERMINATED', 'ERROR'],
  ] as const)('returns %s as Status %s whatever the provisioned capacity', (state, expected) => {
    // Prepare
    const full = fleet(state, 2, 6);
    const empty = fleet(state, 0, 0);

    // Act
    const statuses = [judgeFleet(full, 8).Status, judgeFleet(empty, 8).Status];

    // Assess
    expect(statuses).toEqual([expected, expected]);
  });

  it.each([
    [2, 6, 8],
    [2, 7, 8],
    [8, 0, 8],
    [0, 0, 0],
  ])('returns SUCCESS when RUNNING with %i on-demand + %i spot provisioned for a target of %i', (onDemand, spot, target) => {
    // Prepare
    const running = fleet('RUNNING', onDemand, spot);

    // Act
    const judgement = judgeFleet(running, target);

    // Assess
    expect(judgement.Status).toBe('SUCCESS');
    expect(judgement.details).toMatchObject({ provisioned: onDemand + spot, target });
  });

  it('returns ERROR with the shortfall when RUNNING with less than the target provisioned', () => {
    // Prepare
    const running = fleet('RUNNING', 2, 3);

    // Act
    const judgement = judgeFleet(running, 8);

    // Assess
    expect(judgement).toEqual({
      Status: 'ERROR',
      details: {
        state: 'RUNNING',
        provisioned: 5,
        target: 8,
        reason: 'the resize ended with 5 of 8 workers provisioned (spot capacity unavailable?)',
      },
    });
  });

  it('returns ERROR with the state change reason when the fleet is SUSPENDED', () => {
    // Prepare
    const suspended = fleet('SUSPENDED', 2, 0, { Code: 'INSTANCE_FAILURE', Message: 'Spot capacity not available' });

    // Act
    const judgement = judgeFleet(suspended, 8);

    // Assess
    expect(judgement.details).toEqual({
      state: 'SUSPENDED',
      stateChangeCode: 'INSTANCE_FAILURE',
      stateChangeMessage: 'Spot capacity not available',
      provisioned: 2,
      target: 8,
      reason: 'the fleet is SUSPENDED',
    });
  });

  it('returns SUCCESS counting a missing provisioned capacity as 0', () => {
    // Prepare
    const running: InstanceFleet = { Id: 'if-2CORE', Status: { State: 'RUNNING' }, ProvisionedSpotCapacity: 4 };

    // Act
    const judgement = judgeFleet(running, 4);

    // Assess
    expect(judgement.Status).toBe('SUCCESS');
  });

  it.each([['RECONFIGURING'], [undefined]] as const)('throws UnexpectedResponseError when the fleet state is %s', (state) => {
    // Prepare
    const odd = fleet(state, 2, 6);

    // Act
    const act = () => judgeFleet(odd, 8);

    // Assess
    expect(act).toThrow(
      expect.objectContaining({
        name: 'UnexpectedResponseError',
        message: `EMR instance fleet if-2CORE is in an unknown state: ${state ?? '(none)'}`,
      }),
    );
  });
});
