// `npm run setup`: installs pnpm, the workspace and the project's tools without running tests.
import { ensurePnpm, installWorkspace, requireNode } from './lib/toolchain.mjs';

requireNode(20);
installWorkspace(ensurePnpm());
