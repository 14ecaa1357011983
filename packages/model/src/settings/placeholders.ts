/**
 * Values that only stand in for an account's own: the shipped examples use them, and a settings file
 * that still holds one is refused. Every string of the file is looked at, wherever it sits (an account
 * id inside a principal ARN or a bucket name counts as much as the account setting).
 */

export interface PlaceholderFinding {
  /** The setting, as a dotted path (access.operator.principals.0). */
  setting: string;
  value: string;
  reason: string;
}

/** AWS's documentation account, and accounts of one repeated digit (000000000000, 111111111111, …). */
export function isPlaceholderAccount(account: string): boolean {
  return account === '123456789012' || /^(\d)\1{11}$/.test(account);
}

const EXAMPLE_DOMAINS = /@([a-z0-9-]+\.)*(example\.(com|org|net)|[a-z0-9-]+\.(example|invalid|test|localhost))$/i;

/** subnet-0de000000000000a1 and the like: a run of six zeros, which a real id almost never has. */
const ZERO_RUN_ID = /^(subnet|sg|vpce)-[0-9a-z]*0{6}/;

function findingOf(setting: string, value: string): PlaceholderFinding | undefined {
  if (ZERO_RUN_ID.test(value)) return { setting, value, reason: 'an example id, not one of the account' };
  if (EXAMPLE_DOMAINS.test(value)) return { setting, value, reason: 'an address at a reserved example domain receives no mail' };
  for (const match of value.matchAll(/(?<!\d)\d{12}(?!\d)/g)) {
    if (isPlaceholderAccount(match[0])) return { setting, value, reason: `${match[0]} is a placeholder account id` };
  }
  return undefined;
}

function walk(value: unknown, path: string[], findings: PlaceholderFinding[]): void {
  if (typeof value === 'string') {
    const finding = findingOf(path.join('.'), value);
    if (finding) findings.push(finding);
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) walk(item, [...path, String(index)], findings);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) if (key !== '$schema') walk(item, [...path, key], findings);
  }
}

/** Every placeholder value of a settings document, with the setting that holds it. */
export function placeholderFindings(settings: unknown): PlaceholderFinding[] {
  const findings: PlaceholderFinding[] = [];
  walk(settings, [], findings);
  return findings;
}
