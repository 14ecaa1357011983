import { describe, expect, it } from 'vitest';
import { pipelineKeys } from '../src/index';

describe('Function: pipelineKeys', () => {
  it('returns the pipeline identifiers found at the top level and nothing else', () => {
    // Prepare
    const value = { ClusterId: 'j-1ABC', StepId: 's-1', executionArn: 'arn:x', Status: 'SUBMITTED', nested: { ClusterId: 'j-2' } };

    // Act
    const keys = pipelineKeys(value);

    // Assess
    expect(keys).toEqual({ ClusterId: 'j-1ABC', StepId: 's-1', executionArn: 'arn:x' });
  });

  it('returns no keys for values that are not objects', () => {
    // Prepare, Act
    const keys = [pipelineKeys(null), pipelineKeys('j-1ABC'), pipelineKeys(undefined)];

    // Assess
    expect(keys).toEqual([{}, {}, {}]);
  });
});
