// Checks one landed file against its table's declared source format: decoding, header, column
// count and values, line by line, streaming (a file is never held in memory whole).
import { Readable } from 'node:stream';
import { type CsvError, parse } from 'csv-parse';
import type { TableDefinition } from '../tables/schema';
import { decodeUtf8Lines } from './utf8-lines';
import { valueProblem } from './values';

export interface FileProblem {
  /** 1-based line of the file (the header is line 1). */
  line: number;
  reason: string;
}

export interface FileCheckResult {
  ok: boolean;
  /** Data rows read (header rows excluded). */
  rows: number;
  /** The first problems found, at most `maxProblems`. */
  problems: FileProblem[];
  /** Every problem found, also those past `maxProblems`. */
  problemCount: number;
}

export interface FileCheckOptions {
  /** How many problems to keep (default 20); counting goes on. */
  maxProblems?: number;
}

type Content = Uint8Array | AsyncIterable<Uint8Array | string>;

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

class Problems {
  readonly kept: FileProblem[] = [];
  count = 0;
  constructor(private readonly max: number) {}

  add(line: number, reason: string): void {
    this.count += 1;
    if (this.kept.length < this.max) this.kept.push({ line, reason });
  }
}

function headerProblem(table: TableDefinition, record: string[]): string | undefined {
  const expected = table.columns.map((column) => column.name);
  const found = record.map((value) =>
    value
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase(),
  );
  if (found.length === expected.length && found.every((name, index) => name === expected[index])) return undefined;
  return `header is "${record.join(table.source.delimiter)}", expected "${expected.join(table.source.delimiter)}"`;
}

function rowProblems(table: TableDefinition, record: string[], line: number, problems: Problems): void {
  const { columns } = table;
  if (record.length !== columns.length) {
    problems.add(line, `has ${record.length} columns, expected ${columns.length} (${columns.map((column) => column.name).join(', ')})`);
    return;
  }
  columns.forEach((column, index) => {
    const value = record[index] ?? '';
    const problem = valueProblem(column.type, value, table.partitionKeys.includes(column.name));
    if (problem) problems.add(line, `${column.name} "${value}" ${problem}`);
  });
}

/** Checks `content` (bytes, a Node stream or an S3 GetObject Body) against the source format of `table`. */
export async function checkTableFile(table: TableDefinition, content: Content, options: FileCheckOptions = {}): Promise<FileCheckResult> {
  const problems = new Problems(options.maxProblems ?? 20);
  const { source } = table;
  async function* text() {
    for await (const block of decodeUtf8Lines(content)) {
      for (const line of block.invalidLines) problems.add(line, 'is not valid UTF-8');
      yield block.text;
    }
  }
  const parser = parse({
    delimiter: source.delimiter,
    quote: source.quoteChar,
    // A doubled quote is a quote, as OpenCSVSerde reads it; csv-parse takes one escape character only,
    // so a backslash-escaped quote is not recognised here (the file is refused rather than misread).
    escape: source.quoteChar,
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
  });
  const input = Readable.from(text());
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);

  let records = 0;
  let lastLine = 0;
  let unreadable = false;
  try {
    for await (const { record, info } of parser as AsyncIterable<ParsedRecord>) {
      records += 1;
      lastLine = info.lines;
      if (records <= source.headerRows) {
        const problem = records === 1 ? headerProblem(table, record) : undefined;
        if (problem) problems.add(info.lines, problem);
        continue;
      }
      rowProblems(table, record, info.lines, problems);
    }
  } catch (error) {
    const csvError = error as CsvError & { lines?: number };
    if (csvError.code === undefined || !String(csvError.code).startsWith('CSV_')) throw error;
    problems.add(csvError.lines ?? lastLine + 1, `cannot be read as CSV: ${csvError.message}`);
    unreadable = true;
  }
  if (!unreadable && records < source.headerRows) problems.add(records + 1, `is missing: expected ${source.headerRows} header row(s)`);
  problems.kept.sort((a, b) => a.line - b.line);
  return {
    ok: problems.count === 0,
    rows: Math.max(0, records - source.headerRows),
    problems: problems.kept,
    problemCount: problems.count,
  };
}
