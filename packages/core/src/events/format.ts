import type { z } from 'zod';
import { EventValidationError } from '../errors';

/** Validates a Lambda's event; a missing or mistyped field is an EventValidationError naming it. */
export function parseEvent<S extends z.ZodType>(lambda: string, schema: S, event: unknown): z.output<S> {
  const result = schema.safeParse(event ?? {}, { reportInput: true });
  if (result.success) return result.data;
  throw new EventValidationError(lambda, result.error.issues.map(describeIssue));
}

export function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.length > 0 ? issue.path.map(String).join('.') : 'the event';
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return `${path} is missing`;
    if (issue.message.startsWith('is ') || issue.message.startsWith('must ')) return `${path} ${issue.message}`;
    return `${path} must be ${article(issue.expected)} (got ${typeOf(issue.input)})`;
  }
  return `${path} ${issue.message}`;
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `the string ${JSON.stringify(value.slice(0, 60))}` : `${typeof value} ${JSON.stringify(value)}`;
}
