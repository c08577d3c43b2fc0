const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` again while it fails with an error `isRetryable` accepts and `withinMs` has not
 * passed, after pauses that double from `firstPauseMs` up to `maxPauseMs`, each jittered (half
 * to one and a half times) so that processes waiting on the same lock do not retry in step.
 */
export async function retryWhile<T>(
  isRetryable: (error: unknown) => boolean,
  timing: { withinMs: number; firstPauseMs: number; maxPauseMs: number },
  attempt: () => Promise<T> | T,
): Promise<T> {
  const deadline = Date.now() + timing.withinMs;
  for (let pause = timing.firstPauseMs; ; pause = Math.min(pause * 2, timing.maxPauseMs)) {
    try {
      return await attempt();
    } catch (error) {
      if (!isRetryable(error) || Date.now() >= deadline) throw error;
      await sleep(pause / 2 + Math.random() * pause);
    }
  }
}
