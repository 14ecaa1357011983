// An in-memory S3 for the workflow tests. The fake Lambdas keep the state file on it with
// @data-pipeline/core's own readClusterId/writeClusterId/clearClusterId, so its errors and messages
// are the real ones; the real handlers reach it through the mocked S3 client (real-lambdas.ts): the
// state file, and the landing, staging, archive and quarantine folders stage-landed-files works on.
import type { S3Client } from '@aws-sdk/client-s3';
import type { S3Location } from '@data-pipeline/core';

export const STATE_FILE: S3Location = {
  bucket: 'data-pipeline-work-area',
  key: 'data-workflows/prod/state_info/data_pipeline_ClusterId.info',
};

type Command = { constructor: { name: string }; input: { Bucket?: string; Key?: string; Body?: unknown } };
type ObjectInput = { Bucket?: string; Key?: string };

/** Objects are stamped with a clock that ticks a second per write, so "written after" is exact. */
const EPOCH = Date.UTC(2026, 0, 1);

export class MemoryS3 {
  readonly objects = new Map<string, string>();
  private readonly written = new Map<string, Date>();
  private writes = 0;
  /** When set, reads answer this text instead of what was written (a read-back mismatch). */
  readBackOverride: string | undefined;

  client(): S3Client {
    return { send: (command: Command) => this.send(command) } as unknown as S3Client;
  }

  text(location: S3Location = STATE_FILE): string | undefined {
    return this.objects.get(`${location.bucket}/${location.key}`);
  }

  /** Writes an object as a PutObject would (the tests land and seed files with it). */
  put(bucket: string, key: string, text: string): void {
    this.objects.set(`${bucket}/${key}`, text);
    this.written.set(`${bucket}/${key}`, new Date(EPOCH + this.writes++ * 1000));
  }

  /** The keys under a prefix of a bucket, sorted. */
  keys(bucket: string, prefix = ''): string[] {
    return [...this.objects.keys()]
      .filter((path) => path.startsWith(`${bucket}/${prefix}`))
      .map((path) => path.slice(bucket.length + 1))
      .sort();
  }

  /** S3 GetObject: the object's text as a response body, or NoSuchKey. */
  getObject(input: ObjectInput & { Range?: string }): { Body: TextBody; ETag: string } {
    const text = this.objects.get(`${input.Bucket}/${input.Key}`);
    if (text === undefined) throw notFound('NoSuchKey', 'The specified key does not exist.');
    return { Body: textBody(this.readBackOverride ?? text, input.Range), ETag: '"fake"' };
  }

  headObject(input: ObjectInput): { ContentLength: number; LastModified: Date } {
    const path = `${input.Bucket}/${input.Key}`;
    const text = this.objects.get(path);
    if (text === undefined) throw notFound('NotFound', 'Not Found');
    return { ContentLength: Buffer.byteLength(text), LastModified: this.written.get(path) ?? new Date(EPOCH) };
  }

  putObject(input: ObjectInput & { Body?: unknown }): Record<string, never> {
    this.put(String(input.Bucket), String(input.Key), String(input.Body));
    return {};
  }

  deleteObject(input: ObjectInput): Record<string, never> {
    this.objects.delete(`${input.Bucket}/${input.Key}`);
    this.written.delete(`${input.Bucket}/${input.Key}`);
    return {};
  }

  /** CopySource is `<bucket>/<key>` with each key segment URL-encoded. */
  copyObject(input: ObjectInput & { CopySource?: string }): { CopyObjectResult: { ETag: string } } {
    const [bucket, ...segments] = String(input.CopySource).split('/');
    const text = this.objects.get(`${bucket}/${segments.map(decodeURIComponent).join('/')}`);
    if (text === undefined) throw notFound('NoSuchKey', 'The specified key does not exist.');
    this.put(String(input.Bucket), String(input.Key), text);
    return { CopyObjectResult: { ETag: '"fake"' } };
  }

  /** One page holding every key under the prefix. */
  listObjectsV2(input: { Bucket?: string; Prefix?: string }) {
    const keys = this.keys(String(input.Bucket), input.Prefix ?? '');
    return {
      Contents: keys.map((key) => ({ Key: key, ...this.sizeAndTime(String(input.Bucket), key) })),
      KeyCount: keys.length,
      IsTruncated: false,
    };
  }

  private sizeAndTime(bucket: string, key: string) {
    const { ContentLength, LastModified } = this.headObject({ Bucket: bucket, Key: key });
    return { Size: ContentLength, LastModified };
  }

  private async send(command: Command): Promise<unknown> {
    switch (command.constructor.name) {
      case 'GetObjectCommand':
        return this.getObject(command.input);
      case 'PutObjectCommand':
        return this.putObject(command.input);
      case 'DeleteObjectCommand':
        return this.deleteObject(command.input);
      default:
        throw new Error(`MemoryS3 does not implement ${command.constructor.name}`);
    }
  }
}

/** What the SDK's GetObject Body offers that the handlers use: the text at once, or a stream of bytes. */
interface TextBody extends AsyncIterable<Uint8Array> {
  transformToString(): Promise<string>;
  transformToByteArray(): Promise<Uint8Array>;
}

// Not core's s3TextBody: that module imports vitest, and the benchmark runs this fake outside vitest.
// `range`: GetObject's Range, `bytes=<first>-<last>` (the last byte included, as S3 reads it).
function textBody(text: string, range?: string): TextBody {
  const whole = Buffer.from(text, 'utf8');
  const [, first, last] = /^bytes=(\d+)-(\d+)$/.exec(range ?? '') ?? [];
  const bytes = first === undefined ? whole : whole.subarray(Number(first), Number(last) + 1);
  return {
    transformToString: async () => bytes.toString('utf8'),
    transformToByteArray: async () => new Uint8Array(bytes),
    async *[Symbol.asyncIterator]() {
      yield bytes;
    },
  };
}

function notFound(name: string, message: string): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 404 } });
}
