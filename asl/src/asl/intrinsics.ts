// Building `States.Format` calls safely: literal text is escaped as the intrinsic-function grammar
// requires (' { } are escaped with a backslash), JSONPath references become `{}` placeholders.
// Literal backslashes are refused: asl-validator rejects their escape (\\) although Step Functions
// documents it, and no message here needs one.
import { DefinitionBuildError } from '../errors';

/** A reference to a value of the state's input, e.g. `ref('$.cluster.ClusterId')`. */
export interface Ref {
  readonly path: string;
}

const PATH = /^\$(\.[A-Za-z_][\w]*|\[\d+\])*$/;

export function ref(path: string): Ref {
  if (!PATH.test(path)) throw new DefinitionBuildError(`not a plain JSONPath reference: ${JSON.stringify(path)}`);
  return { path };
}

/** `States.JsonToString(path)`: usable as a format argument for values whose shape is unknown. */
export function jsonOf(path: string): Ref {
  ref(path);
  return { path: `States.JsonToString(${path})` };
}

export function isRef(value: unknown): value is Ref {
  return typeof value === 'object' && value !== null && typeof (value as Ref).path === 'string';
}

/** Escapes literal text for a single-quoted intrinsic-function string argument; throws on a backslash. */
export function escapeLiteral(text: string): string {
  if (text.includes('\\'))
    throw new DefinitionBuildError(`literal text of a message must not contain a backslash: ${JSON.stringify(text)}`);
  return text.replace(/['{}]/g, (char) => `\\${char}`);
}

/** A message made of literal text and references. */
export type Text = ReadonlyArray<string | Ref>;

/** Tagged template: text`cluster ${ref('$.cluster.ClusterId')} stopped`. Interpolated strings stay literal. */
export function text(strings: TemplateStringsArray, ...values: Array<string | Ref>): Text {
  const parts: Array<string | Ref> = [];
  strings.forEach((literal, index) => {
    if (literal) parts.push(literal);
    const value = values[index];
    if (value !== undefined) parts.push(value);
  });
  return parts;
}

export function concat(...texts: Text[]): Text {
  return texts.flat();
}

/**
 * A payload-template entry for `key`: `{ key: 'literal' }` when the text has no references,
 * otherwise `{ 'key.$': "States.Format('…{}…', $.a, …)" }`.
 */
export function textField(key: string, message: Text): Record<string, string> {
  const refs = message.filter(isRef);
  if (refs.length === 0) return { [key]: message.join('') };
  const template = message.map((part) => (isRef(part) ? '{}' : escapeLiteral(part))).join('');
  return { [`${key}.$`]: `States.Format('${template}', ${refs.map((r) => r.path).join(', ')})` };
}
