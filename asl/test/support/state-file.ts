// The state file on an in-memory S3: the fake Lambdas keep it with @data-pipeline/core's own
// readClusterId/writeClusterId/clearClusterId, so its errors and messages are the real ones.
import type { S3Client } from '@aws-sdk/client-s3';
import type { S3Location } from '@data-pipeline/core';

export const STATE_FILE: S3Location = {
  bucket: 'data-pipeline-work-area',
  key: 'data-workflows/prod/state_info/data_pipeline_ClusterId.info',
};

type Command = { constructor: { name: string }; input: { Bucket?: string; Key?: string; Body?: unknown } };

export class MemoryS3 {
  readonly objects = new Map<string, string>();
  /** When set, reads answer this text instead of what was written (a read-back mismatch). */
  readBackOverride: string | undefined;

  client(): S3Client {
    return { send: (command: Command) => this.send(command) } as unknown as S3Client;
  }

  text(location: S3Location = STATE_FILE): string | undefined {
    return this.objects.get(`${location.bucket}/${location.key}`);
  }

  /** S3 GetObject: the object's text as a response body, or NoSuchKey. */
  getObject(input: { Bucket?: string; Key?: string }): { Body: { transformToString: () => Promise<string> }; ETag: string } {
    const text = this.objects.get(`${input.Bucket}/${input.Key}`);
    if (text === undefined) {
      throw Object.assign(new Error('The specified key does not exist.'), { name: 'NoSuchKey', $metadata: { httpStatusCode: 404 } });
    }
    const body = this.readBackOverride ?? text;
    return { Body: { transformToString: async () => body }, ETag: '"fake"' };
  }

  putObject(input: { Bucket?: string; Key?: string; Body?: unknown }): Record<string, never> {
    this.objects.set(`${input.Bucket}/${input.Key}`, String(input.Body));
    return {};
  }

  deleteObject(input: { Bucket?: string; Key?: string }): Record<string, never> {
    this.objects.delete(`${input.Bucket}/${input.Key}`);
    return {};
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
