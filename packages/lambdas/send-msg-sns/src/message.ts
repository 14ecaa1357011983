/** The message body: a string as is, an object as JSON indented by 2 spaces (readable in the e-mail). */
export function messageText(message: string | Record<string, unknown>): string {
  return typeof message === 'string' ? message : JSON.stringify(message, null, 2);
}
