#!/usr/bin/env node
// Generates input files shaped like the landed files (their source format: packages/model/src/tables/declarations.ts).
//
// Any declared table, from its declaration alone (the model's sampleCsv: ids, numbers, text and
// partition values by column type; --dates is how many values each partition key takes):
//   node data/generate.mjs --table <name> --rows 1000 --files 2 --dates 3 --out /tmp/<name>
//
// The sample tables with realistic values (a header row, with a UTF-8 byte order mark on fact files,
// quoted country names, amounts with cents), for the load benchmarks:
//   node data/generate.mjs --rows 1000000 --dates 30 --files 4 --out /tmp/facts
//   node data/generate.mjs --dimension --countries 50 --out /tmp/countries
//
// Fact options: --rows N, --dates D (consecutive days from --start-date, default 20240101), --files F,
// --countries C (country ids 1..C, default 20), --first-id K (first tx_id, default 1), --seed S, --no-bom.
// Prints a JSON summary on stdout: files, rows, dates, rows per date and the exact total amount.
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { tsImport } from 'tsx/esm/api';

// The model is TypeScript, loaded through tsx (a root devDependency): its declarations, sample rows and PRNG.
const model = await tsImport('../packages/model/src/index.ts', import.meta.url);

const COUNTRY_NAMES = [
  'Argentina', 'Australia', 'Brazil', 'Canada', "Côte d'Ivoire", 'Denmark', 'Egypt', 'France', 'Germany', 'India',
  'Japan', 'Kenya', 'Korea, Republic of', 'Mexico', 'Netherlands', 'Norway', 'Peru', 'Portugal', 'Spain', 'Viet Nam',
];

function fail(message) {
  process.stderr.write(`generate: ${message}\n`);
  process.exit(2);
}

function integer(name, value, min) {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) fail(`--${name} must be a whole number >= ${min}, got ${value}`);
  return number;
}

function dateIds(start, count) {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(start);
  if (!match) fail(`--start-date must be yyyymmdd, got ${start}`);
  const first = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Array.from({ length: count }, (_, day) => new Date(first + day * 86_400_000).toISOString().slice(0, 10).replaceAll('-', ''));
}

function csvQuote(value) {
  return `"${value.replaceAll('"', '""')}"`;
}

function formatCents(cents) {
  const sign = cents < 0n ? '-' : '';
  const absolute = cents < 0n ? -cents : cents;
  return `${sign}${absolute / 100n}.${String(absolute % 100n).padStart(2, '0')}`;
}

async function writeLines(path, lines, bom) {
  const stream = createWriteStream(path);
  const write = (text) => (stream.write(text) ? Promise.resolve() : new Promise((resolve) => stream.once('drain', resolve)));
  if (bom) await write('\uFEFF');
  let buffer = '';
  for (const line of lines) {
    buffer += `${line}\n`;
    if (buffer.length > 1 << 16) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(buffer);
  await new Promise((resolve, reject) => stream.end((error) => (error ? reject(error) : resolve())));
}

async function generateFacts(options) {
  const rows = integer('rows', options.rows ?? '1000', 0);
  const files = integer('files', options.files ?? '1', 1);
  const countries = integer('countries', options.countries ?? '20', 1);
  const firstId = integer('first-id', options['first-id'] ?? '1', 1);
  const dates = dateIds(options['start-date'] ?? '20240101', integer('dates', options.dates ?? '3', 1));
  const next = model.seededRandom(integer('seed', options.seed ?? '42', 0));
  const perDate = Object.fromEntries(dates.map((date) => [date, 0]));
  let total = 0n;
  const written = [];
  const perFile = Math.ceil(rows / files);
  for (let file = 0; file < files; file += 1) {
    const path = join(options.out, `sample_country_tx_fact_part-${String(file + 1).padStart(4, '0')}.csv`);
    const first = file * perFile;
    const last = Math.min(rows, first + perFile);
    function* lines() {
      yield 'tx_id,country_id,tx_amount,date_id';
      for (let row = first; row < last; row += 1) {
        const date = dates[row % dates.length];
        const cents = BigInt(1 + Math.floor(next() * 9_999_999));
        total += cents;
        perDate[date] += 1;
        const amount = formatCents(cents);
        yield `${firstId + row},${1 + Math.floor(next() * countries)},${row % 5 === 0 ? csvQuote(amount) : amount},${date}`;
      }
    }
    await writeLines(path, lines(), !options['no-bom']);
    written.push(path);
  }
  return { table: 'sample_country_tx_fact', files: written, rows, dates, rowsPerDate: perDate, totalAmount: formatCents(total) };
}

async function generateDimension(options) {
  const countries = integer('countries', options.countries ?? '20', 1);
  const path = join(options.out, 'sample_country_dim.csv');
  const names = Array.from({ length: countries }, (_, index) => {
    const name = COUNTRY_NAMES[index % COUNTRY_NAMES.length];
    return index < COUNTRY_NAMES.length ? name : `${name} ${Math.floor(index / COUNTRY_NAMES.length) + 1}`;
  });
  await writeLines(path, ['id,country_name', ...names.map((name, index) => `${index + 1},${csvQuote(name)}`)], Boolean(options.bom));
  return { table: 'sample_country_dim', files: [path], rows: countries };
}

/** Files of any declared table, from its declaration. */
async function generateTable(options) {
  let table;
  try {
    table = model.getTable(options.table);
  } catch (error) {
    fail(error.message);
  }
  const rows = integer('rows', options.rows ?? '100', 0);
  const files = integer('files', options.files ?? '1', 1);
  const partitionValues = integer('dates', options.dates ?? '3', 1);
  const seed = integer('seed', options.seed ?? '42', 0);
  const perFile = Math.ceil(rows / files);
  const written = [];
  for (let file = 0; file < files; file += 1) {
    const count = Math.max(0, Math.min(perFile, rows - file * perFile));
    const path = join(options.out, `${table.name}_part-${String(file + 1).padStart(4, '0')}.csv`);
    const csv = model.sampleCsv(table, { rows: count, firstId: 1 + file * perFile, partitionValues, seed: seed + file });
    await writeLines(path, csv.trimEnd().split('\n'), false);
    written.push(path);
  }
  return { table: table.name, files: written, rows };
}

const { values } = parseArgs({
  options: {
    table: { type: 'string' },
    rows: { type: 'string' },
    dates: { type: 'string' },
    files: { type: 'string' },
    countries: { type: 'string' },
    'first-id': { type: 'string' },
    'start-date': { type: 'string' },
    seed: { type: 'string' },
    out: { type: 'string' },
    'no-bom': { type: 'boolean' },
    bom: { type: 'boolean' },
    dimension: { type: 'boolean' },
  },
  strict: true,
});
if (!values.out) fail('--out DIR is required');
mkdirSync(values.out, { recursive: true });
const summary = values.table
  ? await generateTable(values)
  : values.dimension
    ? await generateDimension(values)
    : await generateFacts(values);
process.stdout.write(`${JSON.stringify(summary)}\n`);
