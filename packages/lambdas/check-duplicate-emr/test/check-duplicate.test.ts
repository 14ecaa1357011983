import { EMRClient, ListClustersCommand } from '@aws-sdk/client-emr';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { checkDuplicateCluster } from '../src/check-duplicate';

const emrMock = mockClient(EMRClient);

describe('Function: checkDuplicateCluster', () => {
  beforeEach(() => {
    emrMock.reset();
  });

  it('returns RUNNING with the ids of the active clusters found, and logs their ids and states', async () => {
    // Prepare
    emrMock.on(ListClustersCommand).resolves({
      Clusters: [
        { Id: 'j-1A', Name: 'dp', Status: { State: 'RUNNING' } },
        { Id: 'j-1B', Name: 'dp', Status: { State: 'STARTING' } },
      ],
    });
    const info = vi.fn();
    const warn = vi.fn();

    // Act
    const result = await checkDuplicateCluster(new EMRClient({ region: 'eu-west-1' }), 'dp', { info, warn });

    // Assess
    expect(result).toEqual({ Status: 'RUNNING', ClusterIds: ['j-1A', 'j-1B'] });
    expect(info).toHaveBeenCalledWith('active cluster of this name found', {
      name: 'dp',
      clusters: [
        { id: 'j-1A', state: 'RUNNING' },
        { id: 'j-1B', state: 'STARTING' },
      ],
    });
  });

  it('returns NOTRUNNING with no cluster ids and logs that none was found', async () => {
    // Prepare
    emrMock.on(ListClustersCommand).resolves({ Clusters: [{ Id: 'j-1B', Name: 'other', Status: { State: 'RUNNING' } }] });
    const info = vi.fn();
    const warn = vi.fn();

    // Act
    const result = await checkDuplicateCluster(new EMRClient({ region: 'eu-west-1' }), 'dp', { info, warn });

    // Assess
    expect(result).toEqual({ Status: 'NOTRUNNING', ClusterIds: [] });
    expect(info).toHaveBeenCalledWith('no active cluster of this name', { name: 'dp' });
  });
});
