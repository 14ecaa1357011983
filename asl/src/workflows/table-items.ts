// How the table workflows carry their tables. The state holds only the table names; each Map item builds
// its table's stage event and EMR steps from one template per field, with the name filled in by
// States.Format. A table's entry then costs its name, not its commands, so a definition and its state stay
// within Step Functions' limits (1 MB per definition, 256 KB per state payload) at hundreds of tables:
// https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html
// Templates are used only when every table's values are exactly its name put into the same text; else the
// state lists the tables whole, as before.
import { escapeLiteral } from '../asl/intrinsics';
import type { Json, JsonObject } from '../asl/types';
import type { TableWorkflowSteps } from '../model-types';

const ITEM = '$$.Map.Item.Value';

export interface TableItems {
  /** What the state lists: the names, or the tables whole. */
  list: Json;
  /** The Map's ItemSelector entry for `table`: the same object as a TableWorkflowSteps, for each item. */
  selector: JsonObject;
}

type Field = (steps: TableWorkflowSteps) => string;

const FIELDS: Record<string, Record<string, Field>> = {
  stage: { Bucket: (s) => s.stage.Bucket, Table: (s) => s.stage.Table },
  load: { Step_Name: (s) => s.load.Step_Name, Cmd_Run: (s) => s.load.Cmd_Run },
  archive: { Step_Name: (s) => s.archive.Step_Name, Cmd_Run: (s) => s.archive.Cmd_Run },
};

/** The selector entry for one field: its literal, or a States.Format of its parts around the table name. */
function template(tables: readonly TableWorkflowSteps[], field: Field): Record<string, string> | undefined {
  const [first] = tables;
  if (!first) return undefined;
  const parts = field(first).split(first.table);
  if (tables.some((table) => parts.join(table.table) !== field(table))) return undefined;
  if (parts.length === 1) return { '': parts[0] ?? '' };
  try {
    const text = parts.map(escapeLiteral).join('{}');
    return {
      '.$': `States.Format('${text}', ${Array(parts.length - 1)
        .fill(ITEM)
        .join(', ')})`,
    };
  } catch {
    return undefined;
  }
}

export function tableItems(tables: readonly TableWorkflowSteps[]): TableItems {
  const whole: TableItems = { list: tables as unknown as Json, selector: { 'table.$': ITEM } };
  const kinds = new Set(tables.map((table) => table.kind));
  const [kind] = kinds;
  if (kinds.size !== 1 || kind === undefined) return whole;
  const table: JsonObject = { 'table.$': ITEM, kind };
  for (const [group, fields] of Object.entries(FIELDS)) {
    const values: JsonObject = {};
    for (const [name, field] of Object.entries(fields)) {
      const entry = template(tables, field);
      if (!entry) return whole;
      const [[suffix, value]] = Object.entries(entry) as [[string, string]];
      values[`${name}${suffix}`] = value;
    }
    table[group] = values;
  }
  return { list: tables.map((entry) => entry.table), selector: { table } };
}
