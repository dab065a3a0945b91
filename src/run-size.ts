/**
 * Small runs are linted in the main thread (see `in-process.ts`): up to this
 * many files, starting worker threads costs more than it saves. Larger runs
 * use the worker pool, which `bin.ts` starts early, before the CLI has loaded.
 */
export const IN_PROCESS_MAX_FILES = 4

/** Whether `bin.ts` started a worker pool early (set and cleared by `parallel.ts`). */
export const poolState = {prestarted: false}
