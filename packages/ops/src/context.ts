// What every command works with: the model's environment, SDK clients pointed at it, where its
// notifications can be read (if anywhere), and how to talk to the operator.
import type { EMRClient } from '@aws-sdk/client-emr';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SFNClient } from '@aws-sdk/client-sfn';
import type { Environment } from '@data-pipeline/model';
import { findStateMachines } from './aws/state-machines';
import { type Colors, colors } from './output/format';
import type { StateMachineArns } from './workflows/catalog';

export interface OpsClients {
  sfn: SFNClient;
  emr: EMRClient;
  s3: S3Client;
}

export interface Notification {
  subject?: string;
  message: string;
  timestamp: string;
}

export interface Output {
  /** Print JSON results instead of text. */
  json: boolean;
  colors: Colors;
  /** A line of the result (stdout). */
  line(text: string): void;
  /** A line of progress or a message that is not the result (stderr). */
  info(text: string): void;
}

export interface OpsContext {
  env: Environment;
  clients: OpsClients;
  /** The environment's work-area bucket. */
  bucket: string;
  /** The SNS messages published so far, where the environment keeps them (the local services); AWS keeps none. */
  notifications?: () => Promise<Notification[]>;
  out: Output;
  /** Asks the operator a yes/no question; undefined when there is no terminal to ask on. */
  ask?: (question: string) => Promise<boolean>;
  /** How often `--wait` polls. */
  pollMs: number;
  sleep: (ms: number) => Promise<void>;
  now: () => Date;
  /** Where relative file names are resolved (the directory `pnpm ops` was started in). */
  cwd: string;
  stateMachines(): Promise<StateMachineArns>;
}

export interface ContextParts {
  env: Environment;
  clients: OpsClients;
  bucket?: string;
  notifications?: () => Promise<Notification[]>;
  out?: Partial<Output>;
  ask?: (question: string) => Promise<boolean>;
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
  cwd?: string;
}

/** A context from its parts; the state machine ARNs are looked up once, when first needed. */
export function createContext(parts: ContextParts): OpsContext {
  let arns: Promise<StateMachineArns> | undefined;
  const write = (stream: NodeJS.WriteStream) => (text: string) => void stream.write(`${text}\n`);
  const context: OpsContext = {
    env: parts.env,
    clients: parts.clients,
    bucket: parts.bucket ?? parts.env.bucket,
    out: {
      json: parts.out?.json ?? false,
      colors: parts.out?.colors ?? colors(false),
      line: parts.out?.line ?? write(process.stdout),
      info: parts.out?.info ?? write(process.stderr),
    },
    pollMs: parts.pollMs ?? 5000,
    sleep: parts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    now: parts.now ?? (() => new Date()),
    cwd: parts.cwd ?? process.cwd(),
    stateMachines: () => {
      arns ??= findStateMachines(parts.clients.sfn, parts.env);
      return arns;
    },
  };
  if (parts.notifications) context.notifications = parts.notifications;
  if (parts.ask) context.ask = parts.ask;
  return context;
}
