/** `s3://bucket/key` (also s3a://, s3n://) as bucket and key; undefined when it is not one. */
export function parseS3Uri(uri: string): { bucket: string; key: string } | undefined {
  const match = /^s3[an]?:\/\/([^/]+)\/?(.*)$/.exec(uri);
  return match?.[1] ? { bucket: match[1], key: match[2] ?? '' } : undefined;
}
