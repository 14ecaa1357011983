// One warm Lambda execution environment: loads a function's bundle once, with only that function's
// environment, and runs one invocation at a time for the parent (messages over the IPC channel).
import { pathToFileURL } from 'node:url';

const bundle = process.env.LOCAL_LAMBDA_BUNDLE;
const handlerName = process.env.LOCAL_LAMBDA_HANDLER_EXPORT ?? 'handler';
delete process.env.LOCAL_LAMBDA_BUNDLE;
delete process.env.LOCAL_LAMBDA_HANDLER_EXPORT;

let handlerPromise;
function loadHandler() {
  handlerPromise ??= import(pathToFileURL(bundle).href).then((module) => {
    const handler = module[handlerName];
    if (typeof handler !== 'function')
      throw Object.assign(new Error(`${bundle} exports no function ${handlerName}`), { name: 'Runtime.HandlerNotFound' });
    return handler;
  });
  return handlerPromise;
}

function toErrorPayload(error) {
  const value = error instanceof Error ? error : new Error(String(error));
  return {
    errorType: value.name || 'Error',
    errorMessage: value.message,
    trace: String(value.stack ?? '').split('\n'),
  };
}

process.on('message', async (message) => {
  if (message?.type !== 'invoke') return;
  const deadline = Date.now() + message.timeoutMs;
  const context = {
    awsRequestId: message.requestId,
    functionName: message.functionName,
    functionVersion: message.functionVersion,
    invokedFunctionArn: message.invokedFunctionArn,
    memoryLimitInMB: String(message.memoryMb),
    logGroupName: `/aws/lambda/${message.functionName}`,
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
  const started = Date.now();
  console.log(`START RequestId: ${message.requestId} Version: ${message.functionVersion}`);
  let reply;
  try {
    const handler = await loadHandler();
    const result = await handler(message.event, context);
    reply = { type: 'result', requestId: message.requestId, ok: true, result: result === undefined ? null : result };
  } catch (error) {
    reply = { type: 'result', requestId: message.requestId, ok: false, error: toErrorPayload(error) };
    console.error(`ERROR RequestId: ${message.requestId} ${reply.error.errorType}: ${reply.error.errorMessage}`);
  }
  console.log(`END RequestId: ${message.requestId}`);
  console.log(`REPORT RequestId: ${message.requestId}\tDuration: ${Date.now() - started} ms`);
  process.send(reply);
});

process.send({ type: 'ready' });
