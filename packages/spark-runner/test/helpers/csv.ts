import { readFileSync } from 'node:fs';

/** Reads a CSV file as the pipeline's sources are written: UTF-8 with an optional byte order mark, "…" quoting with "" inside. */
export function readCsv(path: string): { header: string[]; rows: string[][] } {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const records = text
    .split('\n')
    .filter((line) => line.length > 0)
    .map(parseLine);
  const [header, ...rows] = records;
  if (!header) throw new Error(`${path} is empty`);
  return { header, rows };
}

function parseLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const character = line[index];
    if (quoted) {
      if (character === '"' && line[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (character === '"') {
        quoted = false;
      } else {
        field += character;
      }
    } else if (character === '"') {
      quoted = true;
    } else if (character === ',') {
      fields.push(field);
      field = '';
    } else {
      field += character;
    }
  }
  fields.push(field);
  return fields;
}

/** Exact sum of decimal strings with two decimals, as a decimal string. */
export function sumAmounts(amounts: string[]): string {
  const cents = amounts.reduce((total, amount) => total + BigInt(amount.replace('.', '')), 0n);
  const sign = cents < 0n ? '-' : '';
  const absolute = cents < 0n ? -cents : cents;
  return `${sign}${absolute / 100n}.${String(absolute % 100n).padStart(2, '0')}`;
}
