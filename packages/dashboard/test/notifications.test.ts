import { describe, expect, it } from 'vitest';
import { notificationView, segments, shorten } from '../src/shaping/notifications';

const arn = (name: string) => `arn:aws:states:us-east-1:000000000000:execution:data-pipeline-local-fact-process:${name}`;

describe('Function: segments', () => {
  it('returns execution ARNs as their names between the text around them', () => {
    // Act
    const parts = segments(`Fact Process ${arn('run-1')} failed; see ${arn('run-2')}.`);

    // Assess
    expect(parts).toEqual([
      { text: 'Fact Process ' },
      { execution: arn('run-1'), name: 'run-1' },
      { text: ' failed; see ' },
      { execution: arn('run-2'), name: 'run-2' },
      { text: '.' },
    ]);
  });
});

describe('Function: shorten', () => {
  it('returns the segments cut to the limit as shown, with an ellipsis', () => {
    // Act
    const parts = shorten([{ text: 'abc ' }, { execution: arn('x'), name: 'run' }, { text: ' and more' }], 9);

    // Assess
    expect(parts).toEqual([{ text: 'abc ' }, { execution: arn('x'), name: 'run' }, { text: ' a…' }]);
  });
});

describe('Function: notificationView', () => {
  it('returns the first line as the summary, the whole text in full, and says it is shortened', () => {
    // Prepare
    const message = {
      Timestamp: '2026-01-01T10:00:00Z',
      Subject: 'Master failed',
      Message: `Master ${arn('m')} failed.\nCause: a long story`,
    };

    // Act
    const view = notificationView(message);

    // Assess
    expect(view.summary).toEqual([{ text: 'Master ' }, { execution: arn('m'), name: 'm' }, { text: ' failed.' }]);
    expect(view.full.at(-1)).toEqual({ text: ' failed.\nCause: a long story' });
    expect(view.shortened).toBe(true);
    expect(view.subject).toBe('Master failed');
  });

  it('returns a short message as not shortened', () => {
    // Act
    const view = notificationView({ Timestamp: 't', Message: 'all done' });

    // Assess
    expect(view).toEqual({ time: 't', subject: '', summary: [{ text: 'all done' }], full: [{ text: 'all done' }], shortened: false });
  });
});
