// One table as the page draws it, from its chart query's rows: its rows and measures per date on a time
// axis (date partitions) or per category, the largest kept and the rest as "other"; and what should not
// be there, flagged: rows in a partition no load should write (NULL, empty, Hive's default partition)
// and rows without lineage (no source_file). Quarantined and rejected rows are added by the caller.
import { isDateAxis, isoDate, isUnexpectedPartition, topCategories } from './categories';

/** One row of the chart query: the group's value (null for NULL), its rows, its rows without lineage, each measure's sum. */
export type GroupRow = (string | null)[];

export interface Point {
  /** yyyy-mm-dd on a time axis, else the group's value (or "other (n)"). */
  label: string;
  rows: number;
  /** Each measure's sum, in `measures` order. */
  sums: number[];
}

export interface Flag {
  kind: 'partition' | 'lineage' | 'quarantined' | 'rejected';
  /** One line: what is wrong. */
  title: string;
  rows: number;
  /** Where to look: SQL, S3 locations, the runs concerned. */
  where: string[];
  /** Executions concerned (quarantined and rejected rows name their runs). */
  executions?: string[];
}

export interface TableView {
  table: string;
  kind: string;
  description: string;
  /** The column grouped by: the first partition key, else source_file. */
  group: string;
  axis: 'date' | 'category';
  measures: string[];
  rows: number;
  points: Point[];
  /** How many groups "other" holds (category axis), 0 when none. */
  folded: number;
  flags: Flag[];
  sql: string;
}

export interface TableViewInput {
  table: { name: string; kind: string; description: string };
  group: string;
  partitioned: boolean;
  measures: string[];
  sql: string;
  /** The qualified table name, for the SQL a flag gives as where to look. */
  qualifiedName: string;
  /** S3 URI of the warehouse table's folder. */
  location: string;
  rows: GroupRow[];
  /** The most categories drawn before the rest is grouped as "other". */
  topN?: number;
}

const rowsText = (count: number) => `${count} row${count === 1 ? '' : 's'}`;

const number = (value: string | null | undefined) => (value === null || value === undefined || value === '' ? 0 : Number(value));

export function tableView(input: TableViewInput): TableView {
  const groups = input.rows.map((row) => ({
    value: row[0] ?? null,
    rows: number(row[1]),
    noLineage: number(row[2]),
    sums: input.measures.map((_, index) => number(row[index + 3])),
  }));
  const unexpected = groups.filter((group) => isUnexpectedPartition(group.value));
  const expected = groups.filter((group) => !isUnexpectedPartition(group.value));
  const flags: Flag[] = [];
  const unexpectedRows = unexpected.reduce((sum, group) => sum + group.rows, 0);
  if (input.partitioned && unexpectedRows > 0)
    flags.push({
      kind: 'partition',
      title: `${rowsText(unexpectedRows)} in a partition that should not exist: ${input.group} is NULL or empty (Hive's default partition)`,
      rows: unexpectedRows,
      where: [
        `SELECT * FROM ${input.qualifiedName} WHERE ${input.group} IS NULL`,
        `${input.location.replace(/\/?$/, '/')}${input.group}=__HIVE_DEFAULT_PARTITION__/`,
      ],
    });
  const noLineage = groups.reduce((sum, group) => sum + group.noLineage, 0);
  if (noLineage > 0)
    flags.push({
      kind: 'lineage',
      title: `${rowsText(noLineage)} without lineage: no source_file says which landed file they came from`,
      rows: noLineage,
      where: [`SELECT * FROM ${input.qualifiedName} WHERE source_file IS NULL`],
    });
  const drawn = input.partitioned ? expected : groups;
  const axis = isDateAxis(drawn.map((group) => group.value ?? '')) ? 'date' : 'category';
  const label = (group: (typeof groups)[number]) => (axis === 'date' ? (isoDate(group.value ?? '') ?? '') : (group.value ?? 'NULL'));
  let points: Point[];
  let folded = 0;
  if (axis === 'date') {
    points = drawn
      .map((group) => ({ label: label(group), rows: group.rows, sums: group.sums }))
      .sort((a, b) => a.label.localeCompare(b.label));
  } else {
    const categories = topCategories(drawn, input.topN ?? 12, label, (group) => group.rows);
    folded = categories.length < drawn.length ? (categories.at(-1)?.items.length ?? 0) : 0;
    points = categories.map((category) => ({
      label: category.label,
      rows: category.value,
      sums: input.measures.map((_, index) => category.items.reduce((sum, group) => sum + (group.sums[index] ?? 0), 0)),
    }));
  }
  return {
    table: input.table.name,
    kind: input.table.kind,
    description: input.table.description,
    group: input.group,
    axis,
    measures: input.measures,
    rows: groups.reduce((sum, group) => sum + group.rows, 0),
    points,
    folded,
    flags,
    sql: input.sql,
  };
}
