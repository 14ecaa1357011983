// Adding a table is its declaration and its load script: a fixture model declares a third table,
// product_dim, beside the repository's, and everything else follows without another edit — the DDL, the
// rendered definitions, the two Lambda bundles that compile the declarations in (built here as
// `pnpm build` would), the synthesized stack (Glue, IAM, the script object, the state machines) and a
// run of the Master on the real Lambda handlers, which stage, load and archive its landed file.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildWorkflows, definitionProblems, sampleReferences, WORKFLOW_IDS } from '@data-pipeline/asl';
import {
  ddlFileContent,
  getTable,
  hiveScriptPath,
  LAMBDA_NAMES,
  sampleCsv,
  stagedFileKey,
  TABLE_DECLARATION_LAMBDAS,
  tablePrefixes,
  tables,
  withGeneratedBlock,
} from '@data-pipeline/model';
import { PRODUCT_DIM, PRODUCT_DIM_LOAD_SCRIPT } from '@data-pipeline/model/testing';
import { build, type Options } from 'tsup';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PLACEHOLDER_BUCKET } from '../../asl/src/sample-references';
import { RealLambdaCloud } from '../../asl/test/support/real-lambdas';
import { lambdaBundle } from '../../tsup.shared';
import { buildApp } from '../src/app';
import { StaleBundleError } from '../src/errors';
import { terraformLiteral } from '../src/terraform-text';
import { type Json, readStack } from './support/synthesized';

vi.mock('../../packages/model/src/tables/declarations', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../packages/model/src/tables/declarations')>();
  const { PRODUCT_DIM: extra } = await import('../../packages/model/src/testing/index');
  return { ...original, tableDeclarations: [...original.tableDeclarations, extra] };
});

const REPOSITORY = join(__dirname, '..', '..');
const EXTRA = PRODUCT_DIM.name;
/** A table of the repository of the same kind, to compare with. */
const [DECLARED] = tables.filter((table) => table.kind === PRODUCT_DIM.kind && table.name !== EXTRA);
let root: string;
let outdir: string;
let lambdasRoot: string;

/** The declarations file as the fixture model has it: the repository's declarations and product_dim. */
const withExtraTable: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'extra-table',
  setup(bundler) {
    bundler.onLoad({ filter: /[\\/]tables[\\/]declarations\.ts$/ }, async (args) => ({
      contents: `${await readFile(args.path, 'utf8')}
import { PRODUCT_DIM as extra } from ${JSON.stringify(join(REPOSITORY, 'packages/model/src/testing/index.ts'))};
tableDeclarations.push(extra);
`,
      loader: 'ts',
      resolveDir: dirname(args.path),
    }));
  },
};

/** The bundles of the fixture model: the two that compile the declarations in are built again, the others are the repository's. */
async function buildBundles(): Promise<string> {
  const bundles = mkdtempSync(join(tmpdir(), 'extra-table-lambdas-'));
  for (const lambda of LAMBDA_NAMES) {
    const own = join(REPOSITORY, 'packages', 'lambdas', lambda);
    if (!(TABLE_DECLARATION_LAMBDAS as readonly string[]).includes(lambda)) {
      symlinkSync(own, join(bundles, lambda), 'dir');
      continue;
    }
    await build({
      ...lambdaBundle,
      config: false,
      silent: true,
      entry: { index: join(own, 'src', 'index.ts') },
      outDir: join(bundles, lambda, 'dist'),
      esbuildPlugins: [withExtraTable],
    });
  }
  return bundles;
}

beforeAll(async () => {
  lambdasRoot = await buildBundles();
  // The fixture repository: the load scripts of the repository's tables and of the added one.
  root = mkdtempSync(join(tmpdir(), 'extra-table-'));
  outdir = mkdtempSync(join(tmpdir(), 'extra-table-synth-'));
  mkdirSync(join(root, 'hive', 'scripts'), { recursive: true });
  for (const table of tables.filter(({ name }) => name !== EXTRA))
    copyFileSync(join(REPOSITORY, hiveScriptPath(table)), join(root, hiveScriptPath(table)));
  writeFileSync(join(root, hiveScriptPath(PRODUCT_DIM)), withGeneratedBlock(PRODUCT_DIM_LOAD_SCRIPT, getTable(EXTRA)));
});

afterAll(() => {
  rmSync(lambdasRoot, { recursive: true, force: true });
  rmSync(root, { recursive: true, force: true });
  rmSync(outdir, { recursive: true, force: true });
});

describe('Function: a table added by its declaration and its load script', () => {
  it('returns the table among the declared ones, with its generated DDL', () => {
    // Act
    const ddl = ddlFileContent(getTable(EXTRA));

    // Assess
    expect(DECLARED).toBeDefined();
    expect(tables.map((table) => table.name)).toContain(EXTRA);
    expect(ddl).toContain(`CREATE EXTERNAL TABLE IF NOT EXISTS \${hivevar:STAGE_DATABASE}.${EXTRA} (`);
    expect(ddl).toContain(`CREATE EXTERNAL TABLE IF NOT EXISTS \${hivevar:WAREHOUSE_DATABASE}.${EXTRA} (`);
    expect(ddl).toContain('`unit_price` decimal(10,2)');
  });

  it('returns valid definitions in which the Dimension Process and the Master list the table', () => {
    // Act
    const definitions = buildWorkflows(sampleReferences());

    // Assess
    for (const id of WORKFLOW_IDS) expect(definitionProblems(definitions[id]), id).toEqual([]);
    const listed = definitions['dimension-process'].States['List dimension tables'] as unknown as { Result: string[] };
    expect(listed.Result).toEqual([DECLARED?.name, EXTRA]);
    // Each item builds its steps from its name: the load script is the table's own.
    const map = definitions['dimension-process'].States['Process dimension tables'] as unknown as { ItemSelector: Json };
    expect(JSON.stringify(map.ItemSelector)).toContain('hive-scripts/{}.hql');
    const checked = definitions.master.States['Check for landed files'] as unknown as { Parameters: { Tables: Array<{ Table: string }> } };
    expect(checked.Parameters.Tables.map((entry) => entry.Table)).toContain(EXTRA);
  });

  it('returns a stack in which every kind of resource that names a declared table names the added one too', () => {
    // Act
    const { app } = buildApp({ outdir, environments: ['dev'], repositoryRoot: root, lambdasRoot });
    app.synth();
    const stack = readStack(join(outdir, 'stacks', 'data-pipeline-dev'), 'data-pipeline-dev');

    // Assess
    const naming = (name: string) =>
      Object.entries(stack.json.resource)
        .filter(([, resources]) => Object.values(resources).some((config) => JSON.stringify(config).includes(name)))
        .map(([type]) => type)
        .sort();
    const types = naming(DECLARED?.name ?? '');
    expect(types).toEqual(expect.arrayContaining(['aws_glue_catalog_table', 'aws_s3_object', 'aws_sfn_state_machine']));
    expect(naming(EXTRA)).toEqual(types);
    const script = Object.values(stack.json.resource.aws_s3_object ?? {}).find((object) => String(object.key).endsWith(`/${EXTRA}.hql`));
    expect(script?.content).toBe(terraformLiteral(readFileSync(join(root, hiveScriptPath(PRODUCT_DIM)), 'utf8')));
    expect(script?.content).toContain(`INSERT OVERWRITE TABLE $\${hivevar:WAREHOUSE_DATABASE}.${EXTRA}`);
  });

  it('throws StaleBundleError naming the table when a bundle was built from the declarations without it', () => {
    // Act
    const act = () => buildApp({ outdir, environments: ['dev'], repositoryRoot: root });

    // Assess
    expect(act).toThrow(StaleBundleError);
    expect(act).toThrow(`the bundle of check-landed-files does not know the declared table(s) ${EXTRA}`);
  });

  it('returns SUCCESS from the Master on the real handlers, which stage, load and archive the landed file', async () => {
    // Prepare
    const cloud = new RealLambdaCloud(sampleReferences(), { children: 'run', childPolls: 1 }).install();
    const table = getTable(EXTRA);
    cloud.s3.put(PLACEHOLDER_BUCKET, `${tablePrefixes(table).landing}products.csv`, sampleCsv(table, { rows: 5 }));

    // Act
    const result = await cloud.run('master', {});
    await cloud.settled();

    // Assess
    expect(result.status).toBe('SUCCEEDED');
    const inOrder = [...tables.filter(({ kind }) => kind === 'dimension'), ...tables.filter(({ kind }) => kind === 'fact')];
    expect(cloud.calls('stage-landed-files').map((call) => (call.input as { Table: string }).Table)).toEqual(
      inOrder.map(({ name }) => name),
    );
    expect(cloud.steps.map((step) => step.name)).toEqual([`${EXTRA} - load into warehouse`, `${EXTRA} - archive staged files`]);
    expect(cloud.steps[0]?.args.join(' ')).toContain(`hive-scripts/${EXTRA}.hql`);
    const staged = stagedFileKey(table, 'products.csv');
    expect(cloud.s3.keys(PLACEHOLDER_BUCKET, tablePrefixes(table).archive)).toEqual([
      `${tablePrefixes(table).archive}${staged.slice(tablePrefixes(table).stage.length)}`,
    ]);
    expect(cloud.s3.keys(PLACEHOLDER_BUCKET, tablePrefixes(table).landing)).toEqual([]);
  });
});
