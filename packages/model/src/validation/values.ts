// Whether a CSV value is one the load script's CAST turns into a value of the column's Hive type.
// Hive turns what it cannot cast into NULL without a word, so these checks run before a file is staged.

const INTEGER_RANGES: Record<string, [bigint, bigint]> = {
  tinyint: [-(2n ** 7n), 2n ** 7n - 1n],
  smallint: [-(2n ** 15n), 2n ** 15n - 1n],
  int: [-(2n ** 31n), 2n ** 31n - 1n],
  bigint: [-(2n ** 63n), 2n ** 63n - 1n],
};

const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DECIMAL_TYPE = /^decimal\((\d+),(\d+)\)$/;
const DECIMAL_VALUE = /^[+-]?(\d*)(?:\.(\d*))?$/;
const LENGTH_TYPE = /^(varchar|char)\((\d+)\)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?$/;

function validDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function decimalProblem(value: string, precision: number, scale: number): string | undefined {
  const match = DECIMAL_VALUE.exec(value);
  if (!match || (match[1] === '' && (match[2] ?? '') === '')) return `is not a decimal number`;
  const integerDigits = (match[1] ?? '').replace(/^0+(?=\d)/, '').replace(/^0$/, '').length;
  const fractionDigits = (match[2] ?? '').replace(/0+$/, '').length;
  if (integerDigits > precision - scale)
    return `has ${integerDigits} digits before the point, decimal(${precision},${scale}) holds ${precision - scale}`;
  if (fractionDigits > scale) return `has ${fractionDigits} decimal places, decimal(${precision},${scale}) keeps ${scale}`;
  return undefined;
}

/**
 * Why `raw` is not a value of Hive type `type`, or undefined when it is. Values are trimmed first, as
 * the load scripts trim before they cast. An empty value is a NULL: allowed unless `required`.
 */
export function valueProblem(type: string, raw: string, required: boolean): string | undefined {
  const value = raw.trim();
  if (value === '') return required ? 'is empty' : undefined;
  const range = INTEGER_RANGES[type];
  if (range) {
    if (!INTEGER.test(value)) return `is not an integer (${type})`;
    const number = BigInt(value);
    return number < range[0] || number > range[1] ? `is out of the range of ${type}` : undefined;
  }
  const decimal = DECIMAL_TYPE.exec(type);
  if (decimal) return decimalProblem(value, Number(decimal[1]), Number(decimal[2]));
  if (type === 'float' || type === 'double') return NUMBER.test(value) ? undefined : `is not a number (${type})`;
  if (type === 'boolean') return /^(true|false)$/i.test(value) ? undefined : 'is not true or false';
  if (type === 'date') return validDate(value) ? undefined : 'is not a date (yyyy-mm-dd)';
  if (type === 'timestamp') {
    const match = TIMESTAMP.exec(value);
    const valid = match && validDate(match[1] ?? '') && Number(match[2]) < 24 && Number(match[3]) < 60 && Number(match[4]) < 60;
    return valid ? undefined : 'is not a timestamp (yyyy-mm-dd hh:mm:ss[.fff])';
  }
  const length = LENGTH_TYPE.exec(type);
  if (length && [...raw].length > Number(length[2])) return `is longer than ${type}`;
  return undefined;
}
