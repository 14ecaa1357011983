// An HTTP server speaking the AWS JSON protocols (1.0 for Step Functions, 1.1 for EMR): the operation
// comes from the X-Amz-Target header, input and output are JSON, errors carry `__type` and a message.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { LOOPBACK } from '../support/net';
import { AwsServiceError } from './aws-error';

// biome-ignore lint/suspicious/noExplicitAny: operation inputs are validated by each operation
export type JsonOperation = (input: any) => unknown | Promise<unknown>;

export interface JsonServiceOptions {
  /** The X-Amz-Target prefix, e.g. `AWSStepFunctions` or `ElasticMapReduce`. */
  targetPrefix: string;
  /** The namespace of error types, e.g. `com.amazonaws.sfn`. */
  errorNamespace: string;
  protocol: '1.0' | '1.1';
  operations: Record<string, JsonOperation>;
  port?: number;
  /** Called for every request (operation, status) — logs. */
  onRequest?: (operation: string, status: number) => void;
}

export interface HttpService {
  readonly endpoint: string;
  readonly port: number;
  close(): Promise<void>;
}

export async function startJsonService(options: JsonServiceOptions): Promise<HttpService> {
  const server = createServer((request, response) => {
    void handle(options, request, response);
  });
  return listen(server, options.port);
}

async function handle(options: JsonServiceOptions, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const requestId = randomUUID();
  const target = String(request.headers['x-amz-target'] ?? '');
  const operation = target.startsWith(`${options.targetPrefix}.`) ? target.slice(options.targetPrefix.length + 1) : '';
  let status = 200;
  let body: unknown;
  try {
    const handler = Object.hasOwn(options.operations, operation) ? options.operations[operation] : undefined;
    if (request.method !== 'POST' || !handler)
      throw new AwsServiceError('UnknownOperationException', `unknown operation ${target || '(none)'}`);
    const text = await readBody(request);
    let input: unknown;
    try {
      input = text ? JSON.parse(text) : {};
    } catch {
      throw new AwsServiceError('SerializationException', 'the request body is not JSON');
    }
    body = (await handler(input)) ?? {};
  } catch (error) {
    const known = error instanceof AwsServiceError ? error : new AwsServiceError('InternalServerError', (error as Error).message, 500);
    status = known.status;
    body = { __type: `${options.errorNamespace}#${known.code}`, message: known.message, Message: known.message };
    response.setHeader('x-amzn-errortype', known.code);
  }
  options.onRequest?.(operation || target, status);
  const payload = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': `application/x-amz-json-${options.protocol}`,
    'content-length': Buffer.byteLength(payload),
    'x-amzn-requestid': requestId,
  });
  response.end(payload);
}

export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Listens on 127.0.0.1 (port 0: the operating system picks a free one). */
export function listen(server: Server, port = 0): Promise<HttpService> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => {
      const address = server.address();
      if (!address || typeof address === 'string') return reject(new Error('no address'));
      resolve({
        endpoint: `http://${LOOPBACK}:${address.port}`,
        port: address.port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/** Epoch seconds, as the JSON protocols carry timestamps. */
export function epochSeconds(date: Date): number {
  return date.getTime() / 1000;
}
