// Decodes a byte stream as UTF-8 text, reporting each line that holds bytes which are not UTF-8.
// Chunks are cut after their last line break, so a character split across chunks decodes whole.

export interface DecodedText {
  text: string;
  /** 1-based numbers of lines in this text that were not valid UTF-8 (decoded with U+FFFD in their place). */
  invalidLines: number[];
}

const NEWLINE = 0x0a;
const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

function countNewlines(bytes: Uint8Array): number {
  let count = 0;
  for (let index = bytes.indexOf(NEWLINE); index !== -1; index = bytes.indexOf(NEWLINE, index + 1)) count += 1;
  return count;
}

/** Slow path for a block that failed to decode: line by line, to name the lines. */
function decodeByLine(block: Uint8Array, firstLine: number): DecodedText {
  const parts: string[] = [];
  const invalidLines: number[] = [];
  let start = 0;
  let line = firstLine;
  while (start < block.length) {
    const newline = block.indexOf(NEWLINE, start);
    const end = newline === -1 ? block.length : newline + 1;
    const bytes = block.subarray(start, end);
    try {
      parts.push(fatal.decode(bytes));
    } catch {
      invalidLines.push(line);
      parts.push(lenient.decode(bytes));
    }
    start = end;
    line += 1;
  }
  return { text: parts.join(''), invalidLines };
}

function decodeBlock(block: Uint8Array, firstLine: number): DecodedText {
  try {
    return { text: fatal.decode(block), invalidLines: [] };
  } catch {
    return decodeByLine(block, firstLine);
  }
}

function toBytes(chunk: Uint8Array | string): Uint8Array {
  return typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
}

/** Yields the decoded text of `source` block by block, each block ending at a line break (but the last). */
export async function* decodeUtf8Lines(source: AsyncIterable<Uint8Array | string> | Uint8Array): AsyncGenerator<DecodedText> {
  const chunks: AsyncIterable<Uint8Array | string> | Uint8Array[] = source instanceof Uint8Array ? [source] : source;
  let carry: Uint8Array = new Uint8Array(0);
  let line = 1;
  for await (const chunk of chunks) {
    const bytes = toBytes(chunk);
    const joined = carry.length === 0 ? bytes : Buffer.concat([carry, bytes]);
    const cut = joined.lastIndexOf(NEWLINE) + 1;
    if (cut === 0) {
      carry = joined;
      continue;
    }
    const block = joined.subarray(0, cut);
    carry = joined.subarray(cut);
    yield decodeBlock(block, line);
    line += countNewlines(block);
  }
  if (carry.length > 0) yield decodeBlock(carry, line);
}
