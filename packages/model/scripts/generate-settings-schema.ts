// Rewrites environments/settings.schema.json from the settings' zod schema.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositorySettingsDirectory, SETTINGS_SCHEMA_FILE, settingsJsonSchemaText } from '../src/index';

writeFileSync(join(repositorySettingsDirectory(), '..', SETTINGS_SCHEMA_FILE), settingsJsonSchemaText());
process.stdout.write(`wrote ${SETTINGS_SCHEMA_FILE}\n`);
