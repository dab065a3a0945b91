/**
 * Small runs are linted in the main thread (see `in-process.ts`): up to this
 * many files, starting worker threads costs more than it saves. Each worker
 * boots Node, loads the code and warms up on its own, while the main thread
 * warms up once. Measured on the benchmark's case studies (2 cores, medians):
 * 8 files 0.61 s here against 0.85 s on workers, 32 files 1.26 s against
 * 1.81 s, 64 files 2.09 s against 2.44 s, 96 files 2.80 s against 3.73 s.
 * Larger runs use the worker pool, which `main.ts` starts early, before the
 * CLI has loaded.
 */
export const IN_PROCESS_MAX_FILES = 64

/** Whether `main.ts` started a worker pool early (set and cleared by `parallel.ts`). */
export const poolState = {prestarted: false}
