import { describe, expect, it } from 'vitest';
import { keptOutByRun, keptOutFlags, quarantineReport, runFolderOf } from '../src/shaping/quarantine';

const prefix = 'data-workflows/quarantine/DWH/facts/fact/';
const reportText = JSON.stringify({
  table: 'fact',
  runId: 'run_1',
  writtenAt: '2026-01-01T10:00:00Z',
  files: [
    { File: 'bad.csv', Key: `${prefix}run_1/bad.csv`, Problems: [{ Line: 3, Reason: 'tx_amount is not a decimal' }], ProblemCount: 1 },
  ],
});

describe('Function: quarantineReport', () => {
  it('returns the run, each file with its rows and problems, from a report', () => {
    // Act
    const report = quarantineReport('fact', prefix, `${prefix}run_1/_report.json`, reportText, (key) => (key.endsWith('bad.csv') ? 3 : 0));

    // Assess
    expect(report).toEqual({
      table: 'fact',
      runId: 'run_1',
      reportKey: `${prefix}run_1/_report.json`,
      writtenAt: '2026-01-01T10:00:00Z',
      files: [
        {
          file: 'bad.csv',
          key: `${prefix}run_1/bad.csv`,
          rows: 3,
          problemCount: 1,
          problems: [{ line: 3, reason: 'tx_amount is not a decimal' }],
        },
      ],
    });
  });

  it('returns the run with no files when the report cannot be read', () => {
    // Act
    const report = quarantineReport('fact', prefix, `${prefix}run_2/_report.json`, '{not json', () => 0);

    // Assess
    expect(report).toMatchObject({ runId: 'run_2', files: [] });
  });
});

describe('Function: keptOutFlags', () => {
  const report = quarantineReport('fact', prefix, `${prefix}run_1/_report.json`, reportText, () => 3);

  it('returns a quarantine flag with the rows, the reports and the runs', () => {
    // Act
    const flags = keptOutFlags({ reports: [report] }, 'bucket', (runId) => (runId === 'run_1' ? 'arn:run_1' : undefined));

    // Assess
    expect(flags).toEqual([
      {
        kind: 'quarantined',
        title: '3 rows quarantined: 1 file that did not fit the declared format, in 1 run',
        rows: 3,
        where: [`s3://bucket/${prefix}run_1/_report.json`],
        executions: ['arn:run_1'],
      },
    ]);
  });

  it('returns a rejects flag when rejected rows are recorded, and none when nothing is kept out', () => {
    // Prepare
    const rejected = [{ table: 'fact', runId: 'run_1', key: 'rejects/fact/run_1/part-0', rows: 4 }];

    // Act
    const flags = keptOutFlags({ reports: [], rejected }, 'bucket', () => 'arn:run_1');
    const none = keptOutFlags({ reports: [], rejected: [] }, 'bucket', () => undefined);

    // Assess
    expect(flags.map((flag) => [flag.kind, flag.rows, flag.where, flag.executions])).toEqual([
      ['rejected', 4, ['s3://bucket/rejects/fact/run_1/part-0'], ['arn:run_1']],
    ]);
    expect(none).toEqual([]);
  });
});

describe('Function: keptOutByRun', () => {
  it("returns per table the rows quarantined by the run's executions, and rejected only where recorded", () => {
    // Prepare
    const report = quarantineReport('fact', prefix, `${prefix}run_1/_report.json`, reportText, () => 3);
    const byTable = { fact: { reports: [report] }, dim: { reports: [], rejected: [] } };

    // Act
    const mine = keptOutByRun(byTable, ['master', 'run:1']);
    const other = keptOutByRun(byTable, ['another']);

    // Assess
    expect(runFolderOf('run:1')).toBe('run_1');
    expect(mine).toEqual([
      { table: 'fact', quarantined: 3, quarantinedFiles: 1, rejected: undefined },
      { table: 'dim', quarantined: 0, quarantinedFiles: 0, rejected: 0 },
    ]);
    expect(other[0]).toEqual({ table: 'fact', quarantined: 0, quarantinedFiles: 0, rejected: undefined });
  });
});
