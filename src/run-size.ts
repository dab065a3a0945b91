/**
 * Small runs are linted in the main thread alone (see `schedule.ts`): up to
 * this many files, a worker beside it saves little or nothing, since it first
 * boots Node, loads the code and warms up on its own (its first file starts
 * about half a second in). Measured on the benchmark's case studies (2 cores,
 * medians of 3), main thread alone against main thread and one worker:
 * 32 files 2.10 s against 2.07 s, 64 files 3.15 s against 2.99 s, 128 files
 * 4.20 s against 4.02 s, 256 files 7.04 s against 6.07 s. Larger runs add
 * workers, which `main.ts` starts early, before the CLI has loaded.
 */
export const IN_PROCESS_MAX_FILES = 64

/** Whether `main.ts` started a worker pool early (set and cleared by `parallel.ts`). */
export const poolState = {prestarted: false}
