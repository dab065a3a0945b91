/**
 * V8 settings for a linter's workload, set at start-up for the whole process
 * (workers included). The bundle's code cache is keyed on them.
 *
 * `--no-regexp-tier-up`: regular expressions are compiled to machine code on
 * first use instead of first being interpreted and compiled again once hot.
 * This CLI runs hundreds of Unicode-aware patterns once each on a small run,
 * and each compilation is paid once either way. Measured on one 300-line case
 * study: the first lint 290 ms → 185 ms; the whole benchmark corpus: the same
 * time.
 *
 * `--heap-growing-percent=100`: the old generation may grow to twice what
 * survived the last full collection before the next one, where V8 would
 * otherwise allow up to four times. Between files a thread holds 15 to 45 MB,
 * and what each file's parse leaves behind is garbage, so the default let
 * each heap reach 130 to 170 MB. Measured on the benchmark corpus (main thread
 * and one worker, 4 alternating rounds): peak 300 to 319 MiB against 412 to
 * 441 MiB, and the same median time (full collections of a heap this size
 * take about 10 ms each; one thread ran 16 instead of 7 in 30 s).
 */
export const V8_FLAGS = '--no-regexp-tier-up --heap-growing-percent=100'
