/** Polls `probe` every `intervalMs` until `done` accepts its value, and returns that value. */
export async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, intervalMs = 20): Promise<T> {
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
