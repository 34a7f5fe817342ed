// How the built server is started: as `npm start` starts it (package.json; a unit test keeps the
// two the same), so the browser tests and the benchmark run the process that runs in production.
//
// The memory budget is 300 MB resident (issue 14; the fuzz test and the benchmark check it). The
// live JavaScript heap is about 70–100 MB; what decides the resident size is how much V8 and the C
// allocator keep around it:
// - `--max-semi-space-size=8`: V8's young generation kept at 8 MB a half instead of up to 16,
//   about 20 MB less resident for a few more (about 1 ms) minor collections;
// - `--max-old-space-size=192`: the old generation's ceiling, about twice the live heap;
// - `MALLOC_MMAP_THRESHOLD_`: glibc otherwise raises its mmap threshold after the first large free
//   and then serves the 19 MB blocks of each argon2 password check from its heaps, which it seldom
//   gives back; a fixed threshold maps and unmaps them (about 10 MB less after a run of sign-ins).
export const SERVER_NODE_ARGS = ["--max-old-space-size=192", "--max-semi-space-size=8"];
export const SERVER_ARGS = [...SERVER_NODE_ARGS, "build/server.js"];
export const SERVER_ENV = { MALLOC_MMAP_THRESHOLD_: "131072" } as const;
