import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  engineSettingArguments,
  hiveDirectory,
  hiveScriptPath,
  hiveScriptVariableNames,
  loadCommand,
  stepActionOnFailure,
  tables,
  tableWorkflowSteps,
} from '../src/index';

const token = '${aws_s3_bucket.work_area.bucket}';

describe('Function: tableWorkflowSteps', () => {
  it('returns the staging event and the archive command of the dimension tables for a bucket token', () => {
    // act
    const [steps, ...others] = tableWorkflowSteps({ name: 'dev' }, 'dimension', token);
    // assess
    expect(others).toEqual([]);
    expect(steps?.table).toBe('sample_country_dim');
    expect(steps?.stage).toEqual({ Bucket: token, Table: 'sample_country_dim' });
    expect(steps?.archive.Cmd_Run.split(/\s+/)).toEqual([
      's3-dist-cp',
      '--src',
      `s3://${token}/data-workflows/stage/STG_DWH/stg_dimension_db/sample_country_dim`,
      '--dest',
      `s3://${token}/data-workflows/archive/DWH/dimensions/sample_country_dim`,
      '--deleteOnSuccess',
    ]);
  });

  it('returns a spark-sql load command with the engine settings, the deployed script and a -d for every variable the script uses', () => {
    // act
    for (const kind of ['dimension', 'fact'] as const) {
      for (const steps of tableWorkflowSteps({ name: 'dev' }, kind, token)) {
        const args = steps.load.Cmd_Run.split(/\s+/);
        const script = readFileSync(join(hiveDirectory(), '..', hiveScriptPath({ name: steps.table })), 'utf8');
        const used = [...new Set([...script.matchAll(/\$\{(?:hivevar:)?([A-Z_][A-Z0-9_]*)\}/g)].map((match) => match[1]))].sort();
        const passed = args.flatMap((arg, index) => (args[index - 1] === '-d' ? [arg.split('=')[0]] : [])).sort();
        // assess
        const settings = engineSettingArguments();
        expect(args.slice(0, 1 + settings.length + 3)).toEqual([
          'spark-sql',
          ...settings,
          '-v',
          '-f',
          `s3://${token}/data-workflows/prod/libs/hive-scripts/${steps.table}.hql`,
        ]);
        expect(passed).toEqual([...hiveScriptVariableNames].sort());
        expect(used).toEqual(passed);
        expect(args).toEqual(expect.arrayContaining([`STAGE_DATABASE=dev_stg_${kind}_db`, `WAREHOUSE_DATABASE=dev_${kind}_db`]));
      }
    }
  });

  it('returns the tables of a kind in declaration order', () => {
    // act
    const facts = tableWorkflowSteps({ name: 'dev' }, 'fact', 'b').map((steps) => steps.table);
    // assess
    expect(facts).toEqual(tables.filter((table) => table.kind === 'fact').map((table) => table.name));
  });
});

describe('Function: loadCommand', () => {
  it('returns the same arguments for a local path as the EMR step has for the deployed script, but the script', () => {
    // prepare
    const [steps] = tableWorkflowSteps({ name: 'local' }, 'dimension', 'bucket');
    const deployed = steps?.load.Cmd_Run.split(/\s+/) ?? [];
    const variables = Object.fromEntries(
      deployed.flatMap((arg, index) =>
        deployed[index - 1] === '-d' ? [[arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]] : [],
      ),
    );
    // act
    const local = loadCommand('/repo/hive/scripts/sample_country_dim.hql', variables);
    // assess
    expect(local.map((arg, index) => (deployed[index - 1] === '-f' ? deployed[index] : arg))).toEqual(deployed);
  });
});

describe('Function: stepActionOnFailure', () => {
  it('returns CONTINUE when steps run concurrently and CANCEL_AND_WAIT otherwise', () => {
    // act / assess
    expect(stepActionOnFailure(2)).toBe('CONTINUE');
    expect(stepActionOnFailure(1)).toBe('CANCEL_AND_WAIT');
  });
});
