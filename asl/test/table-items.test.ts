import { describe, expect, it } from 'vitest';
import type { TableWorkflowSteps } from '../src/model-types';
import { sampleReferences } from '../src/sample-references';
import { buildWorkflows } from '../src/workflows';
import { tableItems } from '../src/workflows/table-items';

const refs = sampleReferences();
const [sample] = refs.tables.fact;
if (!sample) throw new Error('no sample fact table');

/** `count` fact tables derived from the sample one, as the model derives every table's steps from its name. */
function factTables(count: number): TableWorkflowSteps[] {
  return Array.from({ length: count }, (_, index) => {
    const table = `${sample?.table}_${String(index).padStart(3, '0')}`;
    const rename = (text: string) => text.replaceAll(sample?.table ?? '', table);
    return {
      table,
      kind: 'fact',
      stage: { Bucket: sample?.stage.Bucket ?? '', Table: table },
      load: { Step_Name: rename(sample?.load.Step_Name ?? ''), Cmd_Run: rename(sample?.load.Cmd_Run ?? '') },
      archive: { Step_Name: rename(sample?.archive.Step_Name ?? ''), Cmd_Run: rename(sample?.archive.Cmd_Run ?? '') },
    };
  });
}

/** What States.Format makes of a selector value for one item (no escapes occur in these commands). */
function rendered(value: string, item: string): string {
  const match = /^States\.Format\('(.*)', (.*)\)$/.exec(value);
  if (!match) throw new Error(`not a States.Format call: ${value}`);
  return (match[1] ?? '').replaceAll('{}', item);
}

describe('Function: tableItems', () => {
  it('returns the table names as the list and a selector that rebuilds each table’s steps from its name', () => {
    // Prepare
    const tables = factTables(3);

    // Act
    const items = tableItems(tables);

    // Assess
    expect(items.list).toEqual(tables.map((table) => table.table));
    const selector = items.selector.table as Record<string, Record<string, string>>;
    for (const table of tables) {
      expect(rendered(selector.load?.['Cmd_Run.$'] ?? '', table.table)).toBe(table.load.Cmd_Run);
      expect(rendered(selector.archive?.['Cmd_Run.$'] ?? '', table.table)).toBe(table.archive.Cmd_Run);
      expect(rendered(selector.load?.['Step_Name.$'] ?? '', table.table)).toBe(table.load.Step_Name);
    }
    expect(selector.stage).toEqual({ Bucket: sample?.stage.Bucket, 'Table.$': "States.Format('{}', $$.Map.Item.Value)" });
  });

  it('returns the tables whole when one table’s command is not its name in the shared text', () => {
    // Prepare
    const [first, second] = factTables(2);
    if (!first || !second) throw new Error('two tables');
    const odd = { ...second, load: { ...second.load, Cmd_Run: `${second.load.Cmd_Run} --extra` } };

    // Act
    const items = tableItems([first, odd]);

    // Assess
    expect(items.list).toEqual([first, odd]);
    expect(items.selector).toEqual({ 'table.$': '$$.Map.Item.Value' });
  });

  it('returns a Fact Process definition under 1 MB and a table list under 256 KB with 200 tables', () => {
    // Act
    const built = buildWorkflows({ ...refs, tables: { ...refs.tables, fact: factTables(200) } });

    // Assess
    const definition = Buffer.byteLength(JSON.stringify(built['fact-process']));
    const listState = built['fact-process'].States['List fact tables'];
    const list = Buffer.byteLength(JSON.stringify(listState?.Type === 'Pass' ? listState.Result : undefined));
    expect(definition).toBeLessThan(1024 ** 2);
    expect(list).toBeLessThan(256 * 1024);
    expect(list).toBeLessThan(200 * 40);
  });
});
