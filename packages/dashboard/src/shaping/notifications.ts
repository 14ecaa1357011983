// Notifications as the page lists them: a one-line summary that opens to the full text, execution ARNs
// shown as their execution names, each linking to its run on the page.

/** Text, or an execution named by its ARN. */
export type Segment = { text: string } | { execution: string; name: string };

export interface NotificationView {
  time: string;
  subject: string;
  /** The first line, cut to the limit. */
  summary: Segment[];
  /** The whole message. */
  full: Segment[];
  /** Whether the summary leaves something out. */
  shortened: boolean;
}

// arn:aws:states:<region>:<account>:execution:<state machine>:<execution name> (also express executions)
const EXECUTION_ARN = /arn:aws[\w-]*:states:[\w-]+:\d{12}:(?:express|execution):[\w-]+:[\w.-]*[\w-]/g;

/** The text split into text and executions. */
export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const match of text.matchAll(EXECUTION_ARN)) {
    const index = match.index ?? 0;
    if (index > at) out.push({ text: text.slice(at, index) });
    out.push({ execution: match[0], name: match[0].split(':').pop() ?? match[0] });
    at = index + match[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

const shown = (segment: Segment) => ('text' in segment ? segment.text : segment.name);

/** The segments cut to `limit` characters as shown (execution names whole), with an ellipsis when cut. */
export function shorten(parts: Segment[], limit: number): Segment[] {
  const out: Segment[] = [];
  let used = 0;
  for (const part of parts) {
    const length = shown(part).length;
    if (used + length <= limit) {
      out.push(part);
      used += length;
      continue;
    }
    if ('text' in part) out.push({ text: `${part.text.slice(0, Math.max(0, limit - used)).trimEnd()}…` });
    else out.push({ text: '…' });
    return out;
  }
  return out;
}

export function notificationView(message: { Timestamp: string; Subject?: string; Message: string }, limit = 160): NotificationView {
  const full = segments(message.Message);
  const [first = ''] = message.Message.split('\n');
  const firstLine = segments(first.trim());
  const summary = shorten(firstLine, limit);
  const summaryLength = summary.map(shown).join('').length;
  return {
    time: message.Timestamp,
    subject: message.Subject ?? '',
    summary,
    full,
    shortened: summaryLength < full.map(shown).join('').trim().length || summary.map(shown).join('').endsWith('…'),
  };
}
