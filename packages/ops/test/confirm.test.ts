import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isYes, terminalPrompt } from '../src/confirm';

describe('Function: isYes', () => {
  it.each([
    ['y', true],
    ['YES', true],
    [' yes \n', true],
    ['', false],
    ['n', false],
    ['yep', false],
  ])('returns, for %j, %s', (answer, expected) => {
    // Act
    const yes = isYes(answer);

    // Assess
    expect(yes).toBe(expected);
  });
});

describe('Function: terminalPrompt', () => {
  it('returns no prompt when stdin or stderr is not a terminal', () => {
    // Prepare
    const stream = (isTTY: boolean) => Object.assign(new PassThrough(), { isTTY }) as unknown as NodeJS.ReadStream & NodeJS.WriteStream;

    // Act
    const prompts = [terminalPrompt(stream(false), stream(true)), terminalPrompt(stream(true), stream(false))];

    // Assess
    expect(prompts).toEqual([undefined, undefined]);
  });

  it('returns a prompt that asks on the terminal and answers from what was typed', async () => {
    // Prepare
    const input = Object.assign(new PassThrough(), { isTTY: true }) as unknown as NodeJS.ReadStream;
    const output = Object.assign(new PassThrough(), { isTTY: true }) as unknown as NodeJS.WriteStream;
    const asked: string[] = [];
    (output as unknown as PassThrough).on('data', (chunk: Buffer) => asked.push(chunk.toString()));
    const ask = terminalPrompt(input, output);

    // Act
    const answer = ask?.('Start it in prod?');
    (input as unknown as PassThrough).write('y\n');

    // Assess
    expect(await answer).toBe(true);
    expect(asked.join('')).toContain('Start it in prod? [y/N] ');
  });
});
