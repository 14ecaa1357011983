// SNS subjects (the e-mail subject line): at most 100 characters, no line breaks or control characters,
// starting with a letter, number or punctuation mark. Anything else is made to fit rather than refused,
// so a notification is never lost to its subject line.

export const SUBJECT_MAX_LENGTH = 100;
const ELLIPSIS = '...';

/** The subject SNS accepts for `raw`, or undefined when nothing printable is left. */
export function sanitizeSubject(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const flat = raw
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[^\p{L}\p{N}\p{P}]+/u, '');
  if (flat === '') return undefined;
  const characters = Array.from(flat);
  if (characters.length <= SUBJECT_MAX_LENGTH) return flat;
  return `${characters
    .slice(0, SUBJECT_MAX_LENGTH - ELLIPSIS.length)
    .join('')
    .trimEnd()}${ELLIPSIS}`;
}
