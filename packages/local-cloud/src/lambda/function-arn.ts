/** The parts of a Lambda function reference: a name, a partial ARN or a full ARN, with or without a qualifier. */
export interface FunctionReference {
  name: string;
  qualifier?: string;
}

const ARN = /^arn:aws[\w-]*:lambda:[\w-]+:\d{12}:function:([\w-]{1,64})(?::([\w$-]{1,128}))?$/;
const NAME = /^([\w-]{1,64})(?::([\w$-]{1,128}))?$/;

export function parseFunctionReference(reference: string): FunctionReference | undefined {
  const match = ARN.exec(reference) ?? NAME.exec(reference);
  if (!match?.[1]) return undefined;
  return match[2] === undefined ? { name: match[1] } : { name: match[1], qualifier: match[2] };
}

export function functionArn(region: string, account: string, name: string, qualifier?: string): string {
  return `arn:aws:lambda:${region}:${account}:function:${name}${qualifier ? `:${qualifier}` : ''}`;
}
