import { describe, expect, it } from 'vitest';
import { installPromiseWithResolvers, withResolvers } from '../src/support/promise-with-resolvers';

describe('Function: withResolvers', () => {
  it('returns a promise that its resolve settles', async () => {
    // Prepare
    const { promise, resolve } = withResolvers.call<PromiseConstructor, [], ReturnType<typeof withResolvers<number>>>(Promise);

    // Act
    resolve(42);

    // Assess
    await expect(promise).resolves.toBe(42);
  });

  it('returns a promise that its reject rejects', async () => {
    // Prepare
    const { promise, reject } = withResolvers.call(Promise);

    // Act
    reject(new Error('no'));

    // Assess
    await expect(promise).rejects.toThrow('no');
  });
});

describe('Function: installPromiseWithResolvers', () => {
  it('installs withResolvers on a Promise constructor that lacks it', async () => {
    // Prepare
    class Lacking<T> extends Promise<T> {}
    Object.defineProperty(Lacking, 'withResolvers', { value: undefined, configurable: true });

    // Act
    const installed = installPromiseWithResolvers(Lacking as unknown as PromiseConstructor);

    // Assess
    expect(installed).toBe(true);
    const { promise, resolve } = (
      Lacking as unknown as { withResolvers: () => { promise: Promise<string>; resolve: (v: string) => void } }
    ).withResolvers();
    expect(promise).toBeInstanceOf(Lacking);
    resolve('done');
    await expect(promise).resolves.toBe('done');
  });

  it('leaves an existing withResolvers alone', () => {
    // Prepare
    const own = () => 'native';
    class Native<T> extends Promise<T> {}
    Object.defineProperty(Native, 'withResolvers', { value: own, configurable: true });

    // Act
    const installed = installPromiseWithResolvers(Native as unknown as PromiseConstructor);

    // Assess
    expect(installed).toBe(false);
    expect((Native as unknown as { withResolvers: unknown }).withResolvers).toBe(own);
  });

  it('has given the global Promise a working withResolvers once imported', async () => {
    // Act
    const { promise, resolve } = (
      Promise as unknown as { withResolvers: () => { promise: Promise<number>; resolve: (v: number) => void } }
    ).withResolvers();
    resolve(7);

    // Assess
    await expect(promise).resolves.toBe(7);
  });
});
