import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CLUSTER_APPLICATIONS,
  EMR_RELEASE_LABEL,
  EMR_RELEASE_SPARK,
  engineSettingArguments,
  engineSettings,
  environments,
  headerRowFilter,
  hiveDirectory,
  hiveScriptPath,
  InvalidEnvironmentError,
  minorVersionOf,
  sparkVersionOf,
  stagingColumns,
  tables,
  UnknownReleaseError,
  validateEnvironment,
} from '../src/index';

describe('Function: sparkVersionOf', () => {
  it('returns the Apache Spark version of a release of the EMR Spark release history', () => {
    // act / assess
    expect(sparkVersionOf('emr-7.12.0')).toBe('3.5.6');
    expect(sparkVersionOf('emr-7.10.0')).toBe('3.5.5');
  });

  it('returns the Apache version each EMR build is made from', () => {
    // act / assess
    for (const [label, { spark, build }] of Object.entries(EMR_RELEASE_SPARK)) {
      expect(build.startsWith(`${spark}-amzn-`)).toBe(true);
      expect(sparkVersionOf(label)).toBe(spark);
    }
  });

  it('throws UnknownReleaseError naming the known releases when the release is not in the table', () => {
    // act / assess
    expect(() => sparkVersionOf('emr-7.5.0')).toThrow(UnknownReleaseError);
    expect(() => sparkVersionOf('emr-7.5.0')).toThrow(/emr-7\.5\.0 is not in the model's table .*expected one of emr-7\.9\.0, /);
  });
});

describe('Function: minorVersionOf', () => {
  it('returns major.minor of a version', () => {
    // act / assess
    expect(minorVersionOf('3.5.6')).toBe('3.5');
    expect(minorVersionOf('4.0.1-amzn-0')).toBe('4.0');
  });
});

describe('Function: environments (engine)', () => {
  it('returns the one release and Hadoop and Spark without Hive for every environment', () => {
    // act / assess
    for (const environment of Object.values(environments)) {
      expect(environment.emr.releaseLabel).toBe(EMR_RELEASE_LABEL);
      expect(environment.emr.applications).toEqual([...CLUSTER_APPLICATIONS]);
      expect(environment.emr.applications).not.toContain('Hive');
    }
  });

  it('throws InvalidEnvironmentError when the release is not one whose Spark version is known', () => {
    // prepare
    const input = { ...environments.dev, emr: { ...environments.dev.emr, releaseLabel: 'emr-7.5.0' } };
    // act / assess
    expect(() => validateEnvironment(input)).toThrow(InvalidEnvironmentError);
    expect(() => validateEnvironment(input)).toThrow(/emr\.releaseLabel: must be a release whose Spark version the model knows/);
  });

  it('throws InvalidEnvironmentError when the applications lack Spark, which runs the load steps', () => {
    // prepare
    const input = { ...environments.dev, emr: { ...environments.dev.emr, applications: ['Hadoop', 'Hive'] } };
    // act / assess
    expect(() => validateEnvironment(input)).toThrow(/emr\.applications: must include Spark: the load steps run spark-sql/);
  });
});

describe('Function: engineSettingArguments', () => {
  it('returns --conf for every Spark key and --hiveconf for every Hive key, in list order', () => {
    // act
    const args = engineSettingArguments();
    // assess
    expect(args).toHaveLength(engineSettings.length * 2);
    engineSettings.forEach((setting, index) => {
      expect(args[index * 2]).toBe(setting.key.startsWith('spark.') ? '--conf' : '--hiveconf');
      expect(args[index * 2 + 1]).toBe(`${setting.key}=${setting.value}`);
    });
  });

  it('returns each key once, with values free of whitespace (the step command is split on it)', () => {
    // act
    const keys = engineSettings.map((setting) => setting.key);
    // assess
    expect(new Set(keys).size).toBe(keys.length);
    for (const setting of engineSettings) {
      expect(setting.value).toMatch(/^\S+$/);
      expect(setting.key.startsWith(setting.scope === 'spark' ? 'spark.' : 'hive.')).toBe(true);
      expect(setting.why).toMatch(/https:\/\/|same source/);
    }
  });

  it('returns every setting the issue names: ANSI mode, time zone, partition overwrite, ORC and shuffle partitions', () => {
    // act
    const keys = engineSettings.map((setting) => setting.key);
    // assess
    expect(keys).toEqual(
      expect.arrayContaining([
        'spark.sql.ansi.enabled',
        'spark.sql.session.timeZone',
        'spark.sql.sources.partitionOverwriteMode',
        'spark.sql.orc.impl',
        'spark.sql.shuffle.partitions',
      ]),
    );
  });
});

describe('Function: load scripts (settings)', () => {
  it('returns no SET statement in any load script: the settings come from the one list, through the step', () => {
    // act / assess
    for (const table of tables) {
      const script = readFileSync(join(hiveDirectory(), '..', hiveScriptPath(table)), 'utf8');
      const statements = script
        .split('\n')
        .filter((line) => !line.trimStart().startsWith('--'))
        .join('\n')
        .split(';')
        .map((statement) => statement.trim());
      expect(statements.filter((statement) => /^set\b/i.test(statement))).toEqual([]);
    }
  });
});

describe('Function: headerRowFilter', () => {
  it('returns the condition every load script drops its header lines by, on the first staged column', () => {
    // act / assess
    expect(headerRowFilter('TX_ID')).toBe(
      String.raw`coalesce(lower(regexp_replace(TX_ID, '^[\\uFEFF\\s"]+|[\\s"]+$', '')), '') <> 'tx_id'`,
    );
    for (const table of tables) {
      const script = readFileSync(join(hiveDirectory(), '..', hiveScriptPath(table)), 'utf8');
      const [first] = stagingColumns(table);
      expect(script, `${hiveScriptPath(table)} must drop header lines with headerRowFilter`).toContain(headerRowFilter(first?.name ?? ''));
    }
  });
});
