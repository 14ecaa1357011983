import { AwsServiceError, validationError } from '../http/aws-error';

/** One page of `items` from the offset encoded in `nextToken`; the token of the next page when there is one. */
export function paginate<T>(items: T[], maxResults: unknown, nextToken: unknown, limit = 1000): { page: T[]; nextToken?: string } {
  const size = maxResults === undefined || maxResults === 0 ? 100 : Number(maxResults);
  if (!Number.isInteger(size) || size < 0 || size > limit) throw validationError(`maxResults must be between 0 and ${limit}`);
  let offset = 0;
  if (nextToken !== undefined) {
    offset = Number(Buffer.from(String(nextToken), 'base64url').toString('utf8'));
    if (!Number.isInteger(offset) || offset < 0) throw new AwsServiceError('InvalidToken', `Invalid Token: '${String(nextToken)}'`);
  }
  const page = items.slice(offset, offset + size);
  const next = offset + size < items.length ? Buffer.from(String(offset + size)).toString('base64url') : undefined;
  return next ? { page, nextToken: next } : { page };
}
