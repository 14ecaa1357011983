// The local SNS service: topics, subscriptions and Publish over the Query protocol. Published messages
// are kept, in memory and in a JSON Lines file, so reports and tests can read them back.
import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname } from 'node:path';
import { AwsServiceError } from '../http/aws-error';
import { type HttpService, listen, readBody } from '../http/json-service';
import { entriesXml, errorXml, readMap, successXml } from './query-protocol';

export interface PublishedMessage {
  MessageId: string;
  TopicArn: string;
  Subject?: string;
  Message: string;
  Timestamp: string;
}

export interface SnsServiceOptions {
  region: string;
  account: string;
  /** JSON Lines file where published messages are appended (and read back after a restart). */
  messagesFile: string;
  port?: number;
}

interface Topic {
  arn: string;
  attributes: Record<string, string>;
  subscriptions: { arn: string; protocol: string; endpoint: string }[];
}

const MAX_MESSAGE_BYTES = 256 * 1024;

export class SnsService {
  private readonly topics = new Map<string, Topic>();
  private http?: HttpService;

  constructor(private readonly options: SnsServiceOptions) {}

  async start(): Promise<HttpService> {
    const server = createServer(async (request, response) => {
      const requestId = randomUUID();
      if (request.method === 'GET' && request.url === '/_local/messages') {
        response.writeHead(200, { 'content-type': 'application/json' });
        return response.end(JSON.stringify(this.messages()));
      }
      const params = new URLSearchParams(await readBody(request));
      const action = params.get('Action') ?? '';
      try {
        const result = this.dispatch(action, params);
        response.writeHead(200, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId });
        response.end(successXml(action, result, requestId));
      } catch (error) {
        const known = error instanceof AwsServiceError ? error : new AwsServiceError('InternalError', (error as Error).message, 500);
        response.writeHead(known.status, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId });
        response.end(errorXml(known.code, known.message, requestId));
      }
    });
    this.http = await listen(server, this.options.port);
    return this.http;
  }

  async stop(): Promise<void> {
    await this.http?.close();
  }

  /** Every message published, oldest first (including those of earlier runs kept in the messages file). */
  messages(): PublishedMessage[] {
    if (!existsSync(this.options.messagesFile)) return [];
    return readFileSync(this.options.messagesFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as PublishedMessage);
  }

  private dispatch(action: string, params: URLSearchParams): unknown {
    switch (action) {
      case 'CreateTopic':
        return this.createTopic(params);
      case 'DeleteTopic':
        this.topic(params.get('TopicArn'));
        this.topics.delete(params.get('TopicArn') ?? '');
        return undefined;
      case 'ListTopics':
        return { Topics: [...this.topics.keys()].sort().map((TopicArn) => ({ TopicArn })) };
      case 'GetTopicAttributes': {
        const topic = this.topic(params.get('TopicArn'));
        const attributes = {
          ...topic.attributes,
          TopicArn: topic.arn,
          Owner: this.options.account,
          SubscriptionsConfirmed: '0',
          SubscriptionsPending: String(topic.subscriptions.length),
        };
        return { Attributes: entriesXml(attributes) };
      }
      case 'Subscribe':
        return this.subscribe(params);
      case 'ListSubscriptionsByTopic': {
        const topic = this.topic(params.get('TopicArn'));
        return {
          Subscriptions: topic.subscriptions.map((subscription) => ({
            TopicArn: topic.arn,
            Protocol: subscription.protocol,
            SubscriptionArn: subscription.arn,
            Owner: this.options.account,
            Endpoint: subscription.endpoint,
          })),
        };
      }
      case 'Publish':
        return this.publish(params);
      default:
        throw new AwsServiceError('InvalidAction', `The action ${action || '(none)'} is not valid for this endpoint.`);
    }
  }

  private createTopic(params: URLSearchParams) {
    const name = params.get('Name') ?? '';
    if (!/^[\w-]{1,256}$/.test(name)) throw new AwsServiceError('InvalidParameter', 'Invalid parameter: Topic Name');
    const arn = `arn:aws:sns:${this.options.region}:${this.options.account}:${name}`;
    if (!this.topics.has(arn))
      this.topics.set(arn, { arn, attributes: readMap(params, 'Attributes.entry', 'key', 'value'), subscriptions: [] });
    return { TopicArn: arn };
  }

  private subscribe(params: URLSearchParams) {
    const topic = this.topic(params.get('TopicArn'));
    const protocol = params.get('Protocol') ?? '';
    const endpoint = params.get('Endpoint') ?? '';
    if (!['email', 'email-json', 'http', 'https', 'sqs', 'lambda'].includes(protocol))
      throw new AwsServiceError('InvalidParameter', 'Invalid parameter: Protocol');
    const arn = protocol.startsWith('email') ? 'pending confirmation' : `${topic.arn}:${randomUUID()}`;
    topic.subscriptions.push({ arn, protocol, endpoint });
    return { SubscriptionArn: arn };
  }

  private publish(params: URLSearchParams) {
    const topic = this.topic(params.get('TopicArn') ?? params.get('TargetArn'));
    const message = params.get('Message');
    if (!message) throw new AwsServiceError('InvalidParameter', 'Invalid parameter: Empty message');
    if (Buffer.byteLength(message) > MAX_MESSAGE_BYTES)
      throw new AwsServiceError('InvalidParameter', 'Invalid parameter: Message too long');
    const subject = params.get('Subject') ?? undefined;
    // biome-ignore lint/suspicious/noControlCharactersInRegex: SNS refuses control characters in subjects
    if (subject !== undefined && (subject.length === 0 || subject.length > 100 || /[\r\n\u0000-\u001f]/.test(subject))) {
      throw new AwsServiceError('InvalidParameter', 'Invalid parameter: Subject');
    }
    const published: PublishedMessage = {
      MessageId: randomUUID(),
      TopicArn: topic.arn,
      Message: message,
      Timestamp: new Date().toISOString(),
      ...(subject ? { Subject: subject } : {}),
    };
    mkdirSync(dirname(this.options.messagesFile), { recursive: true });
    appendFileSync(this.options.messagesFile, `${JSON.stringify(published)}\n`);
    return { MessageId: published.MessageId };
  }

  private topic(arn: string | null): Topic {
    const topic = arn ? this.topics.get(arn) : undefined;
    if (!topic) throw new AwsServiceError('NotFound', 'Topic does not exist', 404);
    return topic;
  }
}
