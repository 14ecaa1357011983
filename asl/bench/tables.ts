// What the table workflows cost as tables are added: the Fact Process definition's size, the size of its
// table list in the state, and the largest state after the Map (each table's result), at 1, 5, 20 and 200
// fact tables derived from the sample one as the model derives every table's steps. Step Functions allows
// 1 MB per definition and 256 KB per state payload.
//   pnpm --filter @data-pipeline/asl run bench:tables
import type { TableWorkflowSteps } from '../src/model-types';
import { sampleReferences } from '../src/sample-references';
import { buildWorkflows } from '../src/workflows';

const refs = sampleReferences();
const [first] = refs.tables.fact;
if (!first) throw new Error('no sample fact table');
const sample: TableWorkflowSteps = first;

function factTables(count: number): TableWorkflowSteps[] {
  return Array.from({ length: count }, (_, index) => {
    const table = `${sample.table}_${String(index).padStart(3, '0')}`;
    const rename = (text: string) => text.replaceAll(sample.table, table);
    return {
      table,
      kind: 'fact',
      stage: { Bucket: sample.stage.Bucket, Table: table },
      load: { Step_Name: rename(sample.load.Step_Name), Cmd_Run: rename(sample.load.Cmd_Run) },
      archive: { Step_Name: rename(sample.archive.Step_Name), Cmd_Run: rename(sample.archive.Cmd_Run) },
    };
  });
}

/** A table's result as the Map keeps it, with step ids and statuses of a real run's length. */
function tableResult(table: string) {
  const step = { ClusterId: 'j-2AXXXXXXGAPLF', StepId: 's-0123456789ABCDEFGHIJ', Status: 'SUCCESS' };
  return {
    table,
    Status: 'STAGED',
    stage: { Table: table, Status: 'STAGED', Staged: 3, Moved: 3, QuarantinedCount: 0 },
    steps: { load: step, archive: step },
    failed: false,
  };
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const rows = [1, 5, 20, 200].map((count) => {
  const tables = factTables(count);
  const started = performance.now();
  const definition = buildWorkflows({ ...refs, tables: { ...refs.tables, fact: tables } })['fact-process'];
  const buildMs = performance.now() - started;
  const listState = definition.States['List fact tables'];
  const list = listState?.Type === 'Pass' ? listState.Result : undefined;
  const whole = Buffer.byteLength(JSON.stringify(tables));
  const after = Buffer.byteLength(JSON.stringify({ tables: tables.map((table) => tableResult(table.table)) }));
  return {
    tables: count,
    'definition (KB)': kb(Buffer.byteLength(JSON.stringify(definition))),
    'table list (KB)': kb(Buffer.byteLength(JSON.stringify(list))),
    'tables listed whole (KB)': kb(whole),
    'state after the Map (KB)': kb(after),
    'build (ms)': buildMs.toFixed(1),
  };
});
console.table(rows);
