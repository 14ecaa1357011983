// aws-local-stepfunctions 3.x calls Promise.withResolvers (ES2024, Node 22). The machines run Node 20,
// so anything that runs definitions with it imports this module first: the local Step Functions service
// (sfn/executor.ts) and the workflow tests of @data-pipeline/asl (`import '@data-pipeline/local-cloud/polyfills'`).
// It installs the standard behaviour only where the runtime lacks it, and never replaces a native one.

export interface Resolvers<T> {
  promise: Promise<T>;
  resolve: (value: T | PromiseLike<T>) => void;
  reject: (reason?: unknown) => void;
}

/** The ES2024 `Promise.withResolvers`, for runtimes without it. */
export function withResolvers<T>(this: PromiseConstructor | undefined): Resolvers<T> {
  const Constructor = typeof this === 'function' ? this : Promise;
  let resolve!: Resolvers<T>['resolve'];
  let reject!: Resolvers<T>['reject'];
  const promise = new Constructor<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

type WithResolvers = { withResolvers?: <T>() => Resolvers<T> };

/** Installs `withResolvers` on `target` (default: the global Promise) unless it has one; returns whether it did. */
export function installPromiseWithResolvers(target: PromiseConstructor = Promise): boolean {
  if (typeof (target as unknown as WithResolvers).withResolvers === 'function') return false;
  Object.defineProperty(target, 'withResolvers', { value: withResolvers, writable: true, configurable: true, enumerable: false });
  return true;
}

installPromiseWithResolvers();
