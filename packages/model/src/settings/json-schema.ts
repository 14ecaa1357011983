import { z } from 'zod';
import { settingsSchema } from './schema';

/** environments/settings.schema.json: the settings' JSON schema for editors (completion, hover, early errors). */
export const SETTINGS_SCHEMA_FILE = 'environments/settings.schema.json';

/** The JSON schema of a settings file, as the file holds it (two-space indented, final newline). */
export function settingsJsonSchemaText(): string {
  const schema = z.toJSONSchema(settingsSchema, { io: 'input', unrepresentable: 'any' });
  const titled = {
    ...schema,
    title: 'data-pipeline environment settings',
    description:
      'One deployed environment of the pipeline (environments/<env>.json). Generated from packages/model/src/settings/schema.ts by ' +
      'pnpm --filter @data-pipeline/model run generate:settings-schema; the model validates the file when it loads.',
  };
  return `${JSON.stringify(titled, null, 2)}\n`;
}
