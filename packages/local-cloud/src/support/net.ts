import { connect, createServer } from 'node:net';

export const LOOPBACK = '127.0.0.1';

/** A TCP port that is free on 127.0.0.1 right now, chosen by the operating system. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, LOOPBACK, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port assigned'))));
    });
  });
}

/** Resolves once an HTTP request to `url` gets any answer; rejects after `timeoutMs`, naming `what` it awaited. */
export async function waitForHttp(url: string, timeoutMs: number, isAlive: () => boolean, what = 'the service'): Promise<void> {
  const started = Date.now();
  const deadline = started + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`${what} exited after ${Date.now() - started} ms, before it answered HTTP at ${url}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolveDelay) => setTimeout(resolveDelay, 100));
    }
  }
  throw new Error(`waited ${Date.now() - started} ms (the bound is ${timeoutMs} ms) for ${what} to answer HTTP at ${url}`, {
    cause: lastError,
  });
}

/** True when something accepts TCP connections at the endpoint's host and port (`http://host:port`). */
export function isListening(endpoint: string): Promise<boolean> {
  const { hostname, port } = new URL(endpoint);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}
