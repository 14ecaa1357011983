// The shape every Lambda shares: validate the event, load config.ini (cached), create the clients of
// the configured region on demand, run the Lambda's logic, and log the outcome with the pipeline identifiers.
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';
import type { z } from 'zod';
import { cachedClient } from './clients/aws-clients';
import { createS3Client } from './clients/factory';
import { configLocationFromEnv, configTtlFromEnv, loadConfig } from './config/load';
import type { PipelineConfig } from './config/schema';
import type { Env } from './env';
import { parseEvent } from './events/format';
import { createLogger, PIPELINE_KEYS, pipelineKeys } from './logging/logger';

export interface InvocationContext<E> {
  event: E;
  config: PipelineConfig;
  /** The region of config.ini (`[basic] emr_region`): create clients with `cachedClient(createXClient, region)`. */
  region: string;
  env: Env;
  logger: Logger;
}

export interface LambdaDefinition<S extends z.ZodType, R> {
  /** The function's name: its package's, kebab-case (the model's `lambdaCatalog`). */
  name: string;
  event: S;
  run: (context: InvocationContext<z.output<S>>) => Promise<R>;
}

export type LambdaHandler<R> = (event: unknown, context?: Context) => Promise<R>;

export interface ConfigFreeDefinition<S extends z.ZodType, R> {
  name: string;
  event: S;
  run: (context: Omit<InvocationContext<z.output<S>>, 'config' | 'region'>) => Promise<R>;
}

export function defineLambda<S extends z.ZodType, R>(definition: LambdaDefinition<S, R>): LambdaHandler<R> {
  return invocation(definition.name, definition.event, async (event, env, logger) => {
    const s3 = cachedClient(createS3Client, undefined, env);
    const config = await loadConfig({ s3, location: configLocationFromEnv(env), ttlSeconds: configTtlFromEnv(env) });
    return definition.run({ event, config, region: config.basic.emr_region, env, logger });
  });
}

/**
 * A Lambda that does not read config.ini: send-msg-sns, so that a failure caused by a malformed
 * config.ini can still be reported.
 */
export function defineConfigFreeLambda<S extends z.ZodType, R>(definition: ConfigFreeDefinition<S, R>): LambdaHandler<R> {
  return invocation(definition.name, definition.event, (event, env, logger) => definition.run({ event, env, logger }));
}

function invocation<S extends z.ZodType, R>(
  name: string,
  schema: S,
  run: (event: z.output<S>, env: Env, logger: Logger) => Promise<R>,
): LambdaHandler<R> {
  const logger = createLogger(name);
  return async (rawEvent, lambdaContext) => {
    const env = process.env;
    logger.removeKeys([...PIPELINE_KEYS]);
    if (lambdaContext) logger.addContext(lambdaContext);
    logger.appendKeys(pipelineKeys(rawEvent));
    try {
      const event = parseEvent(name, schema, rawEvent);
      const result = await run(event, env, logger);
      logger.appendKeys(pipelineKeys(result));
      logger.info('completed', { result: result as Record<string, unknown> });
      return result;
    } catch (error) {
      logger.error('failed', error as Error);
      throw error;
    }
  };
}
