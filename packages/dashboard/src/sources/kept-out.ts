// Reads what each table kept out of the warehouse from the work-area bucket: the quarantine reports
// under the table's quarantine prefix (and the quarantined files' rows), and the objects under its
// rejects prefix when the layout has one. Objects are read once per ETag.
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { type TableDefinition, tablePrefixes } from '@data-pipeline/model';
import { type KeptOut, quarantineReport, REPORT_NAME, type RejectedObject } from '../shaping/quarantine';

interface Listed {
  key: string;
  etag: string;
}

async function list(s3: S3Client, bucket: string, prefix: string): Promise<Listed[]> {
  const found: Listed[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
    for (const object of page.Contents ?? [])
      if (object.Key && !object.Key.endsWith('/')) found.push({ key: object.Key, etag: object.ETag ?? '' });
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return found;
}

/** Lines of an object's bytes, streamed (a last line without a newline counts). */
export async function lineCount(chunks: AsyncIterable<Uint8Array>): Promise<number> {
  let lines = 0;
  let last = 0x0a;
  for await (const chunk of chunks) {
    for (const byte of chunk) if (byte === 0x0a) lines += 1;
    if (chunk.length > 0) last = chunk[chunk.length - 1] ?? last;
  }
  return last === 0x0a ? lines : lines + 1;
}

/** The rejects prefix of a table, when the layout has one (`tablePrefixes(table).rejects`). */
export function rejectsPrefix(table: TableDefinition): string | undefined {
  const prefixes = tablePrefixes(table) as unknown as Record<string, string | undefined>;
  return prefixes.rejects;
}

export class KeptOutReader {
  private readonly reports = new Map<string, string>();
  private readonly lines = new Map<string, number>();

  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  private async body(key: string) {
    const { Body } = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    if (!Body) throw new Error(`s3://${this.bucket}/${key} has no body`);
    return Body;
  }

  private async text(object: Listed): Promise<string> {
    const cacheKey = `${object.key}\u0000${object.etag}`;
    let text = this.reports.get(cacheKey);
    if (text === undefined) {
      text = await (await this.body(object.key)).transformToString('utf8');
      this.reports.set(cacheKey, text);
    }
    return text;
  }

  private async lineCount(object: Listed): Promise<number> {
    const cacheKey = `${object.key}\u0000${object.etag}`;
    let count = this.lines.get(cacheKey);
    if (count === undefined) {
      count = await lineCount((await this.body(object.key)) as unknown as AsyncIterable<Uint8Array>);
      this.lines.set(cacheKey, count);
    }
    return count;
  }

  async read(table: TableDefinition): Promise<KeptOut> {
    const prefix = tablePrefixes(table).quarantine;
    const objects = await list(this.s3, this.bucket, prefix);
    const rows = new Map<string, number>();
    for (const object of objects.filter((candidate) => !candidate.key.endsWith(`/${REPORT_NAME}`)))
      rows.set(object.key, Math.max(0, (await this.lineCount(object)) - table.source.headerRows));
    const reports = [];
    for (const object of objects.filter((candidate) => candidate.key.endsWith(`/${REPORT_NAME}`)))
      reports.push(quarantineReport(table.name, prefix, object.key, await this.text(object), (key) => rows.get(key) ?? 0));
    const rejects = rejectsPrefix(table);
    if (rejects === undefined) return { reports };
    const rejected: RejectedObject[] = [];
    for (const object of await list(this.s3, this.bucket, rejects)) {
      const rest = object.key.slice(rejects.length);
      rejected.push({
        table: table.name,
        runId: rest.includes('/') ? rest.split('/')[0] : undefined,
        key: object.key,
        rows: await this.lineCount(object),
      });
    }
    return { reports, rejected };
  }

  async readAll(tables: readonly TableDefinition[]): Promise<Record<string, KeptOut>> {
    const byTable: Record<string, KeptOut> = {};
    for (const table of tables) byTable[table.name] = await this.read(table);
    return byTable;
  }
}
