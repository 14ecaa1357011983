// The local engine's Spark is the deployed cluster's: the pyspark pinned in requirements.txt has the Apache
// Spark version of every environment's EMR release (the model's table, from the EMR Spark release history).
// Bumping one side fails here until the other follows.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { environments, minorVersionOf, sparkVersionOf } from '@data-pipeline/model';
import { afterAll, describe, expect, it } from 'vitest';
import { pinnedPySparkVersion, RequirementsError } from '../src/index';
import { createLake } from './helpers/lake';

const lake = createLake();
afterAll(() => lake.remove());

describe('Function: pinnedPySparkVersion', () => {
  it('returns the Spark version of every environment’s EMR release', () => {
    // act
    const local = pinnedPySparkVersion();
    // assess
    for (const environment of Object.values(environments)) {
      expect(local, `${environment.name} runs ${environment.emr.releaseLabel}`).toBe(sparkVersionOf(environment.emr.releaseLabel));
      expect(minorVersionOf(local)).toBe(minorVersionOf(sparkVersionOf(environment.emr.releaseLabel)));
    }
  });

  it('returns the version of the pyspark line of a requirements file', () => {
    // prepare
    const file = join(lake.dir, 'requirements.txt');
    writeFileSync(file, '# comment\npy4j==0.10.9.7\npyspark==3.5.6\n');
    // act / assess
    expect(pinnedPySparkVersion(file)).toBe('3.5.6');
  });

  it('throws RequirementsError naming the file when it pins no pyspark', () => {
    // prepare
    const file = join(lake.dir, 'unpinned.txt');
    writeFileSync(file, 'pyspark>=3.5\n');
    // act / assess
    expect(() => pinnedPySparkVersion(file)).toThrow(RequirementsError);
    expect(() => pinnedPySparkVersion(file)).toThrow(`${file} pins no pyspark version`);
  });
});
