import { describe, expect, it } from 'vitest';
import { planResize } from '../src/resize-plan';

describe('Function: planResize', () => {
  it.each([
    // running, on-demand, increment → on-demand target, spot target, total
    [2, 2, 4, 2, 4, 6],
    [4, 2, 4, 2, 6, 8],
    [5, 2, 0, 2, 3, 5],
    [0, 2, 4, 2, 2, 4],
    [1, 3, 0, 3, 0, 3],
    [0, 0, 3, 0, 3, 3],
  ])(
    'returns the targets for %i running, %i on-demand and an increment of %i',
    (running, onDemandWorkers, spotIncrement, onDemand, spot, total) => {
      // Prepare
      const inputs = { running, onDemandWorkers, spotIncrement };

      // Act
      const plan = planResize(inputs);

      // Assess
      expect(plan).toEqual({ TargetOnDemandCapacity: onDemand, TargetSpotCapacity: spot, TargetTotalWorkers: total });
    },
  );
});
