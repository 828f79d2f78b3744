export {};

/**
 * `npm run bench -- <name>`: runs a benchmark and its physical baseline in the same run,
 * printing a table and one JSON line.
 */
const benches: Record<string, () => Promise<void>> = {
  http: async () => (await import('./http.bench.ts')).run(),
  cases: async () => (await import('./cases.bench.ts')).run(),
  registry: async () => (await import('./registry.bench.ts')).run(),
  stock: async () => (await import('./stock.bench.ts')).run(),
  lighthouse: async () => (await import('./lighthouse.bench.ts')).run(),
};

const benchName = process.argv[2] ?? 'http';
const bench = benches[benchName];
if (!bench) {
  console.error(`Unknown bench "${benchName}". Available: ${Object.keys(benches).join(', ')}`);
  process.exit(2);
}
await bench();
