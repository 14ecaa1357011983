// `s3-dist-cp --src … --dest … [--srcPattern …] [--deleteOnSuccess]`, moving objects through the S3 API:
// each object under the source prefix is copied to the same relative key under the destination, and
// deleted from the source only once every copy is in place. Options S3DistCp has but this one does not
// fail the step by name rather than being ignored.
import { CopyObjectCommand, DeleteObjectsCommand, HeadObjectCommand, paginateListObjectsV2, type S3Client } from '@aws-sdk/client-s3';
import { parseS3Uri } from '../s3-uri';
import type { CommandResult } from './result';

const SUPPORTED = new Set(['--src', '--dest', '--srcPattern', '--deleteOnSuccess']);

interface Options {
  src?: string;
  dest?: string;
  srcPattern?: RegExp;
  deleteOnSuccess: boolean;
}

function parse(args: string[]): Options | string {
  const options: Options = { deleteOnSuccess: false };
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!SUPPORTED.has(flag)) return `s3-dist-cp: unsupported option ${flag} (supported: ${[...SUPPORTED].join(', ')})`;
    if (flag === '--deleteOnSuccess') {
      options.deleteOnSuccess = true;
      continue;
    }
    const value = inline ?? args[++index];
    if (value === undefined) return `s3-dist-cp: ${flag} needs a value`;
    if (flag === '--src') options.src = value;
    if (flag === '--dest') options.dest = value;
    if (flag === '--srcPattern') {
      try {
        options.srcPattern = new RegExp(`^(?:${value})$`);
      } catch {
        return `s3-dist-cp: --srcPattern ${value} is not a valid regular expression`;
      }
    }
  }
  if (!options.src || !options.dest) return 's3-dist-cp: --src and --dest are required';
  return options;
}

const asFolder = (key: string) => (key === '' || key.endsWith('/') ? key : `${key}/`);

export async function s3DistCp(args: string[], s3: S3Client): Promise<CommandResult> {
  const options = parse(args);
  if (typeof options === 'string') return { exitCode: 1, stdout: '', stderr: options, reason: options };
  const src = parseS3Uri(options.src ?? '');
  const dest = parseS3Uri(options.dest ?? '');
  if (!src || !dest)
    return {
      exitCode: 1,
      stdout: '',
      stderr: 's3-dist-cp: --src and --dest must be s3:// URIs',
      reason: 's3-dist-cp: --src and --dest must be s3:// URIs',
    };
  const srcPrefix = asFolder(src.key);
  const destPrefix = asFolder(dest.key);
  const lines: string[] = [];
  const copied: string[] = [];
  for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: src.bucket, Prefix: srcPrefix })) {
    for (const object of page.Contents ?? []) {
      const key = object.Key ?? '';
      if (key.endsWith('/')) continue;
      if (options.srcPattern && !options.srcPattern.test(`s3://${src.bucket}/${key}`)) continue;
      const target = `${destPrefix}${key.slice(srcPrefix.length)}`;
      await s3.send(
        new CopyObjectCommand({
          Bucket: dest.bucket,
          Key: target,
          CopySource: `${src.bucket}/${encodeURIComponent(key).replaceAll('%2F', '/')}`,
        }),
      );
      const head = await s3.send(new HeadObjectCommand({ Bucket: dest.bucket, Key: target }));
      if (head.ContentLength !== object.Size) {
        const reason = `s3-dist-cp: copy of s3://${src.bucket}/${key} has ${head.ContentLength} bytes, expected ${object.Size}`;
        return { exitCode: 1, stdout: lines.join('\n'), stderr: reason, reason };
      }
      copied.push(key);
      lines.push(`copied s3://${src.bucket}/${key} to s3://${dest.bucket}/${target} (${object.Size} bytes)`);
    }
  }
  if (options.deleteOnSuccess) {
    for (let start = 0; start < copied.length; start += 1000) {
      const batch = copied.slice(start, start + 1000);
      const result = await s3.send(
        new DeleteObjectsCommand({ Bucket: src.bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }),
      );
      if (result.Errors?.length) {
        const reason = `s3-dist-cp: could not delete ${result.Errors.length} source objects, first ${result.Errors[0]?.Key}: ${result.Errors[0]?.Code}`;
        return { exitCode: 1, stdout: lines.join('\n'), stderr: reason, reason };
      }
    }
    if (copied.length) lines.push(`deleted ${copied.length} source objects`);
  }
  lines.push(
    copied.length
      ? `s3-dist-cp: ${copied.length} files copied`
      : `s3-dist-cp: no files under s3://${src.bucket}/${srcPrefix}${options.srcPattern ? ' match --srcPattern' : ''}; nothing copied`,
  );
  return { exitCode: 0, stdout: lines.join('\n'), stderr: '' };
}
