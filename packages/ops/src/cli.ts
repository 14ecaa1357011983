// `pnpm ops <command>`: the operators' CLI.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { terminalPrompt } from './confirm';
import { connect } from './environments';
import { runCli } from './program';

// pnpm runs root scripts in the repository root; files are named relative to where `pnpm ops` was typed.
const cwd = process.env.INIT_CWD ?? process.cwd();
const ask = terminalPrompt();

const code = await runCli(process.argv.slice(2), {
  connect: (env, out) => connect(env, { out, cwd, ...(ask ? { ask } : {}) }),
});
process.exitCode = code;
