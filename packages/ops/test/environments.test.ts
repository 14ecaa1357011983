import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { configuredRegion, connectLocal } from '../src/environments';
import { EnvironmentUnavailableError } from '../src/errors';

const dir = mkdtempSync(join(tmpdir(), 'ops-env-'));

describe('Function: connectLocal', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('throws EnvironmentUnavailableError saying to start the services when none run', async () => {
    // Prepare
    vi.stubEnv('DATA_PIPELINE_LOCAL_DIR', join(dir, 'none'));

    // Act
    const error = await connectLocal().catch((caught: Error) => caught);

    // Assess
    expect(error).toBeInstanceOf(EnvironmentUnavailableError);
    expect((error as Error).message).toBe('the local services are not running: start them with `pnpm local up`');
  });

  it('throws EnvironmentUnavailableError when the state file names a process that has ended', async () => {
    // Prepare
    const localDir = join(dir, 'stale');
    mkdirSync(join(localDir, 'cloud'), { recursive: true });
    writeFileSync(join(localDir, 'cloud', 'daemon.json'), JSON.stringify({ pid: 2 ** 22 + 7, endpoints: {} }));
    vi.stubEnv('DATA_PIPELINE_LOCAL_DIR', localDir);

    // Act
    const error = await connectLocal().catch((caught: Error) => caught);

    // Assess
    expect(error).toBeInstanceOf(EnvironmentUnavailableError);
  });
});

describe('Function: configuredRegion', () => {
  it('returns the region of the AWS configuration when one is set, else the fallback', async () => {
    // Prepare
    vi.stubEnv('AWS_CONFIG_FILE', join(dir, 'absent-config'));
    vi.stubEnv('AWS_PROFILE', 'none');

    // Act
    vi.stubEnv('AWS_REGION', 'eu-west-1');
    const configured = await configuredRegion('us-east-1');
    vi.stubEnv('AWS_REGION', '');
    const fallback = await configuredRegion('us-east-1');

    // Assess
    expect([configured, fallback]).toEqual(['eu-west-1', 'us-east-1']);
  });
});
