// Rewrites hive/ddl/<table>.hql and the generated DDL block of every hive/scripts/<table>.hql from the table declarations.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ddlFileContent, hiveDdlPath, hiveDirectory, hiveScriptPath, tables, withGeneratedBlock } from '../src/index';

const repoRoot = join(hiveDirectory(), '..');
for (const table of tables) {
  const ddlPath = join(repoRoot, hiveDdlPath(table));
  mkdirSync(dirname(ddlPath), { recursive: true });
  writeFileSync(ddlPath, ddlFileContent(table));
  const scriptPath = join(repoRoot, hiveScriptPath(table));
  writeFileSync(scriptPath, withGeneratedBlock(readFileSync(scriptPath, 'utf8'), table, hiveScriptPath(table)));
  process.stdout.write(`wrote ${hiveDdlPath(table)}, updated ${hiveScriptPath(table)}\n`);
}
