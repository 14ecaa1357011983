// The SDK paginators reuse one input object and set its page token in place, so the inputs that
// aws-sdk-client-mock records (`commandCalls(...)[n].args[0].input`) all show the last token.
// recordInputs answers a command and keeps a copy of each request as it was when sent.
import type { AwsCommand, AwsStub } from 'aws-sdk-client-mock';

/** The pages to answer in order, or a function of the request and its 0-based call number. */
export type RecordedAnswer<I, O> = readonly O[] | ((input: I, call: number) => O | Promise<O>);

/**
 * Answers `command` on `mock` with `answer` and returns the requests as they were sent, in order (the
 * array fills as the code under test sends them). Answering from a list, a request past its end throws.
 */
export function recordInputs<TInput extends object, TOutput extends MetadataBearer, TConfiguration, I extends TInput, O extends TOutput>(
  mock: AwsStub<TInput, TOutput, TConfiguration>,
  command: new (input: I) => AwsCommand<I, O>,
  answer: RecordedAnswer<I, Partial<O>>,
): I[] {
  const inputs: I[] = [];
  mock.on(command).callsFake((input: I) => {
    const call = inputs.push(structuredClone(input)) - 1;
    if (typeof answer === 'function') return answer(input, call);
    if (call >= answer.length) throw new Error(`${command.name}: asked for page ${call + 1} of ${answer.length}`);
    return answer[call];
  });
  return inputs;
}

/** What aws-sdk-client-mock asks of a command's output (`@smithy/types`' MetadataBearer). */
interface MetadataBearer {
  $metadata: object;
}
