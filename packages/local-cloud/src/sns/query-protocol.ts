// The AWS Query protocol as SNS speaks it: form-encoded requests (`Action=Publish&…`) and XML answers.

const NAMESPACE = 'http://sns.amazonaws.com/doc/2010-03-31/';

export function escapeXml(value: string): string {
  return value.replace(/[<>&'"]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[char] ?? char);
}

/** XML written as is (for shapes that are not `<member>` lists, such as attribute maps). */
export class RawXml {
  constructor(readonly xml: string) {}
}

/** A map as SNS writes attributes: `<entry><key>…</key><value>…</value></entry>…`. */
export function entriesXml(map: Record<string, string>): RawXml {
  return new RawXml(
    Object.entries(map)
      .map(([key, value]) => `<entry><key>${escapeXml(key)}</key><value>${escapeXml(value)}</value></entry>`)
      .join(''),
  );
}

/** XML elements for a value: strings become text, arrays become `<member>` lists, objects nest. */
export function toXml(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (value instanceof RawXml) return value.xml;
  if (Array.isArray(value)) return value.map((item) => `<member>${toXml(item)}</member>`).join('');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .map(([key, item]) => `<${key}>${toXml(item)}</${key}>`)
      .join('');
  }
  return escapeXml(String(value));
}

export function successXml(action: string, result: unknown, requestId: string): string {
  const body = result === undefined ? '' : `<${action}Result>${toXml(result)}</${action}Result>`;
  return `<${action}Response xmlns="${NAMESPACE}">${body}<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
}

export function errorXml(code: string, message: string, requestId: string): string {
  return `<ErrorResponse xmlns="${NAMESPACE}"><Error><Type>Sender</Type><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
}

/** `Attributes.entry.1.key=a&Attributes.entry.1.value=b` → `{ a: 'b' }`; same for `Tags.member.N.Key/Value`. */
export function readMap(params: URLSearchParams, prefix: string, keyName: string, valueName: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (let index = 1; params.has(`${prefix}.${index}.${keyName}`); index += 1) {
    map[params.get(`${prefix}.${index}.${keyName}`) ?? ''] = params.get(`${prefix}.${index}.${valueName}`) ?? '';
  }
  return map;
}
