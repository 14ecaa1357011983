import { createReadStream, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTableFile, getTable, valueProblem } from '../src/index';

const fact = getTable('sample_country_tx_fact');
const dimension = getTable('sample_country_dim');
const samples = join(import.meta.dirname, '../../../data/samples');
const HEADER = 'tx_id,country_id,tx_amount,date_id\n';

function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

async function* chunked(data: Uint8Array, size: number) {
  for (let start = 0; start < data.length; start += size) yield data.subarray(start, start + size);
}

describe('Function: checkTableFile', () => {
  it('returns ok with the row count for every sample file', async () => {
    // Prepare
    const files = readdirSync(samples, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());

    // Act
    const results = await Promise.all(
      files.map(async (file) => ({
        name: file.name,
        result: await checkTableFile(getTable(file.parentPath.split('/').pop() ?? ''), createReadStream(join(file.parentPath, file.name))),
      })),
    );

    // Assess
    for (const { name, result } of results) {
      expect(result.problems, name).toEqual([]);
      expect(result.ok).toBe(true);
      expect(result.rows).toBeGreaterThan(0);
    }
  });

  it('returns ok when the header starts with a UTF-8 byte order mark and names are quoted', async () => {
    // Act
    const result = await checkTableFile(dimension, bytes('\uFEFFid,country_name\n1,"Argentina"\n2,"Côte d\'Ivoire, Republic of"\n'));

    // Assess
    expect(result).toEqual({ ok: true, rows: 2, problems: [], problemCount: 0 });
  });

  it('returns the line and reason of a row with the wrong column count', async () => {
    // Act
    const result = await checkTableFile(fact, bytes(`${HEADER}1,1,10.00,20240101\n2,1,20240101\n`));

    // Assess
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([{ line: 3, reason: 'has 3 columns, expected 4 (tx_id, country_id, tx_amount, date_id)' }]);
  });

  it('returns each value that does not parse as its column type', async () => {
    // Act
    const result = await checkTableFile(fact, bytes(`${HEADER}x1,1,10.00,20240101\n2,1,12.345,20240101\n3,1,1e3,\n`));

    // Assess
    expect(result.problems).toEqual([
      { line: 2, reason: 'tx_id "x1" is not an integer (int)' },
      { line: 3, reason: 'tx_amount "12.345" has 3 decimal places, decimal(18,2) keeps 2' },
      { line: 4, reason: 'tx_amount "1e3" is not a decimal number' },
      { line: 4, reason: 'date_id "" is empty' },
    ]);
    expect(result.problemCount).toBe(4);
  });

  it('returns a header problem when the header names other columns', async () => {
    // Act
    const result = await checkTableFile(fact, bytes('id,country,amount,date\n1,1,10.00,20240101\n'));

    // Assess
    expect(result.problems).toEqual([
      { line: 1, reason: 'header is "id,country,amount,date", expected "tx_id,country_id,tx_amount,date_id"' },
    ]);
  });

  it('returns the lines holding bytes that are not UTF-8, also when a chunk splits a character', async () => {
    // Prepare
    const good = bytes(`${HEADER}1,1,10.00,20240101\n`);
    const latin1 = Uint8Array.from([...bytes('2,'), 0xe9, ...bytes('1,10.00,20240101\n')]);
    const multiByte = bytes('3,1,10.00,20240101\n');
    const data = Buffer.concat([good, latin1, multiByte]);

    // Act
    const result = await checkTableFile(fact, chunked(data, 7));

    // Assess
    expect(result.problems).toEqual([
      { line: 3, reason: 'is not valid UTF-8' },
      { line: 3, reason: 'country_id "\uFFFD1" is not an integer (int)' },
    ]);
  });

  it('returns ok for a multi-byte character split across chunks', async () => {
    // Act
    const result = await checkTableFile(dimension, chunked(bytes('id,country_name\n1,"Åland Islands"\n2,"日本"\n'), 3));

    // Assess
    expect(result).toEqual({ ok: true, rows: 2, problems: [], problemCount: 0 });
  });

  it('returns a problem at the line where a quote is never closed', async () => {
    // Act
    const result = await checkTableFile(dimension, bytes('id,country_name\n1,"Argentina\n2,"Brazil"\n'));

    // Assess
    expect(result.ok).toBe(false);
    expect(result.problems[0]?.reason).toMatch(/^cannot be read as CSV: /);
  });

  it('returns a problem for an empty file, which lacks its header row', async () => {
    // Act
    const result = await checkTableFile(dimension, bytes(''));

    // Assess
    expect(result.problems).toEqual([{ line: 1, reason: 'is missing: expected 1 header row(s)' }]);
  });

  it('keeps at most maxProblems problems and counts them all', async () => {
    // Prepare
    const rows = Array.from({ length: 50 }, (_, index) => `${index},x,1.00,20240101`).join('\n');

    // Act
    const result = await checkTableFile(fact, bytes(`${HEADER}${rows}\n`), { maxProblems: 5 });

    // Assess
    expect(result.problems).toHaveLength(5);
    expect(result.problemCount).toBe(50);
    expect(result.rows).toBe(50);
  });
});

describe('Function: valueProblem', () => {
  it.each([
    ['int', ' 42 ', undefined],
    ['int', '2147483648', 'is out of the range of int'],
    ['bigint', '-9223372036854775808', undefined],
    ['decimal(18,2)', '-1170.48', undefined],
    ['decimal(4,2)', '123.4', 'has 3 digits before the point, decimal(4,2) holds 2'],
    ['decimal(18,2)', '.', 'is not a decimal number'],
    ['double', '1.5e-3', undefined],
    ['boolean', 'TRUE', undefined],
    ['date', '2024-02-30', 'is not a date (yyyy-mm-dd)'],
    ['timestamp', '2024-02-29 23:59:59.123', undefined],
    ['varchar(3)', 'abcd', 'is longer than varchar(3)'],
    ['string', 'anything, "at all"', undefined],
    ['int', '', undefined],
  ])('returns for %s "%s": %s', (type, value, expected) => {
    // Act
    const problem = valueProblem(type, value, false);

    // Assess
    expect(problem).toBe(expected);
  });
});
