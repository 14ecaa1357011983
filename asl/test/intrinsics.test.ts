import '@data-pipeline/local-cloud/polyfills';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { describe, expect, it } from 'vitest';
import { escapeLiteral, ref, text, textField } from '../src/asl/intrinsics';

describe('Function: textField', () => {
  it('returns a plain field when the text has no references', () => {
    // Act
    const field = textField('Message', text`all done`);

    // Assess
    expect(field).toEqual({ Message: 'all done' });
  });

  it('returns a States.Format call that renders literal quotes and braces unchanged', async () => {
    // Prepare
    const tricky = "it's {odd}, isn't it";
    const field = textField('message', text`${tricky}: ${ref('$.a')} and ${ref('$.b.c')}`);
    const definition = {
      StartAt: 'Format',
      States: { Format: { Type: 'Pass', Parameters: field, End: true } },
    } as unknown as StateMachineDefinition;

    // Act
    const output = await new StateMachine(definition).run({ a: 'x{}', b: { c: 3 } }).result;

    // Assess
    expect(Object.keys(field)).toEqual(['message.$']);
    expect(output).toEqual({ message: `${tricky}: x{} and 3` });
  });

  it('throws when a reference is not a plain JSONPath', () => {
    // Act
    const act = () => ref('$.a[?(@.b)]');

    // Assess
    expect(act).toThrow('not a plain JSONPath reference: "$.a[?(@.b)]"');
  });
});

describe('Function: escapeLiteral', () => {
  it("returns the text with ' { } escaped", () => {
    // Act
    const escaped = escapeLiteral("a'b{c}d");

    // Assess
    expect(escaped).toBe(String.raw`a\'b\{c\}d`);
  });

  it('throws on a backslash, whose escape asl-validator rejects', () => {
    // Act
    const act = () => escapeLiteral(String.raw`C:\temp`);

    // Assess
    expect(act).toThrow('literal text of a message must not contain a backslash');
  });
});
