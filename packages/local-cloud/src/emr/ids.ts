import { randomInt } from 'node:crypto';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function token(length: number, alphabet = ALPHANUMERIC): string {
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
}

export const newClusterId = () => `j-${token(13)}`;
export const newStepId = () => `s-${token(13)}`;
export const newFleetId = () => `if-${token(13)}`;
export const newInstanceId = () => `ci-${token(13)}`;
export const newEc2InstanceId = () => `i-${token(17, '0123456789abcdef')}`;
