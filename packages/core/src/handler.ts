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
  /** The function's name, as in DESIGN §3 (kebab-case). */
  name: string;
  event: S;
  run: (context: InvocationContext<z.output<S>>) => Promise<R>;
}

export type LambdaHandler<R> = (event: unknown, context?: Context) => Promise<R>;

export function defineLambda<S extends z.ZodType, R>(definition: LambdaDefinition<S, R>): LambdaHandler<R> {
  const logger = createLogger(definition.name);
  return async (rawEvent, lambdaContext) => {
    const env = process.env;
    logger.removeKeys([...PIPELINE_KEYS]);
    if (lambdaContext) logger.addContext(lambdaContext);
    logger.appendKeys(pipelineKeys(rawEvent));
    try {
      const event = parseEvent(definition.name, definition.event, rawEvent);
      const s3 = cachedClient(createS3Client, undefined, env);
      const config = await loadConfig({ s3, location: configLocationFromEnv(env), ttlSeconds: configTtlFromEnv(env) });
      const result = await definition.run({ event, config, region: config.basic.emr_region, env, logger });
      logger.appendKeys(pipelineKeys(result));
      logger.info('completed', { result: result as Record<string, unknown> });
      return result;
    } catch (error) {
      logger.error('failed', error as Error);
      throw error;
    }
  };
}
