import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The import's reader thread (`read-worker.ts` and what it imports) as one JavaScript module,
 * bundled by esbuild the first time an import needs it in this process (some 30 ms) and kept.
 * A worker thread that loaded the TypeScript through tsx spent about 150 ms starting tsx's
 * loader before it read a byte; this one starts in about 30. The module is handed over as a
 * `data:` URL, so nothing is written to disk: each source's `import.meta.url` is replaced by
 * its own file's URL (the region tables are found from there), and exceljs, loaded only for a
 * workbook, is imported from its installed file. If it cannot be made, an import reads in its
 * own thread instead (`startReader`).
 */
let bundle: Promise<URL> | undefined;

export function readerModule(): Promise<URL> {
  bundle ??= make().catch((error: unknown) => {
    bundle = undefined;
    throw error;
  });
  return bundle;
}

async function make(): Promise<URL> {
  const { build, stop } = await import('esbuild');
  const exceljs = pathToFileURL(createRequire(import.meta.url).resolve('exceljs')).href;
  let result: Awaited<ReturnType<typeof build>>;
  try {
    result = await build({
      entryPoints: [fileURLToPath(new URL('./read-worker.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
      logLevel: 'silent',
      plugins: [
        {
          name: 'jaring-reader',
          setup(b) {
            b.onResolve({ filter: /^exceljs$/ }, () => ({ path: exceljs, external: true }));
            b.onLoad({ filter: /\.ts$/ }, async (file) => ({
              contents: (await readFile(file.path, 'utf8')).replaceAll(
                'import.meta.url',
                JSON.stringify(pathToFileURL(file.path).href),
              ),
              loader: 'ts',
            }));
          },
        },
      ],
    });
  } finally {
    // esbuild's service process would otherwise stay for the life of the server (some 17 MB).
    await stop();
  }
  const [code] = result.outputFiles ?? [];
  if (!code) throw new Error('esbuild made no reader module');
  // The name stands in stack traces for the whole URL.
  const text = `${code.text}\n//# sourceURL=jaring-reader.mjs\n`;
  return new URL(`data:text/javascript;base64,${Buffer.from(text).toString('base64')}`);
}
