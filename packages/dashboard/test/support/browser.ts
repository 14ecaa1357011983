// Headless Chromium for the browser tests: Debian's chromium package (installed by this package's
// setup), driven by playwright-core.
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const chromiumPath = () => process.env.DATA_PIPELINE_CHROMIUM ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath))
    throw new Error(
      `no Chromium at ${executablePath}: run \`pnpm --filter @data-pipeline/dashboard run setup\` (as root it installs Debian's chromium package), or set DATA_PIPELINE_CHROMIUM`,
    );
  // The sandbox needs user namespaces, which containers and root sessions often lack.
  return chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}
