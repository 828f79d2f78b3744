/**
 * Checks src/ against the module rule in .dependency-cruiser.cjs (`npm run check`).
 *
 * Why not the plain `depcruise` command: it refuses Node 20, and it reads TypeScript only
 * through the `typescript` package before 7 (or @swc/core), while this project compiles with
 * TypeScript 7. So the sources are first turned into JavaScript by esbuild, keeping every import,
 * type-only ones included (`import type` is rewritten to `import`), and dependency-cruiser's own
 * API cruises that copy. Paths in the report are the sources' own.
 *
 *   node scripts/depcruise.mjs                     validate, explaining each violation; exit 1 on any
 *   node scripts/depcruise.mjs --output-type text  every dependency, one per line
 */
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cruise, format } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { transform } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const typeAt = args.indexOf('--output-type');
const outputType = typeAt >= 0 ? args[typeAt + 1] : 'err-long';

async function* filesUnder(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(file);
    else yield file;
  }
}

/** `x.ts` becomes `x.ts.js`: the sources' `./x.ts` imports then resolve by the `.js` extension. */
async function transpile(into) {
  for await (const file of filesUnder(path.join(root, 'src'))) {
    const rel = path.relative(root, file);
    await mkdir(path.dirname(path.join(into, rel)), { recursive: true });
    if (!/\.tsx?$/.test(file)) {
      if (file.endsWith('.json')) await copyFile(file, path.join(into, rel));
      continue;
    }
    const source = (await readFile(file, 'utf8'))
      .replace(/\bimport\s+type\s+(?=[{*\w])/g, 'import ')
      .replace(/\bexport\s+type\s+(?=[{*])/g, 'export ');
    const { code } = await transform(source, {
      loader: file.endsWith('x') ? 'tsx' : 'ts',
      format: 'esm',
      // Keeps imports whose names are only used as types.
      tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
    });
    await writeFile(path.join(into, `${rel}.js`), code);
  }
}

const copy = await mkdtemp(path.join(tmpdir(), 'jaring-depcruise-'));
try {
  await transpile(copy);
  const options = await extractDepcruiseOptions(path.join(root, '.dependency-cruiser.cjs'));
  // The copy keeps type-only imports itself; the option would ask for the TypeScript API.
  delete options.tsPreCompilationDeps;
  process.chdir(copy);
  const cruised = await cruise(['src'], { ...options, outputType: 'json' }, { extensions: ['.js'] });
  const result = JSON.parse(
    (typeof cruised.output === 'string' ? cruised.output : JSON.stringify(cruised.output)).replaceAll(
      '.ts.js"',
      '.ts"',
    ),
  );
  const report = await format(result, { outputType });
  process.stdout.write(report.output.endsWith('\n') ? report.output : `${report.output}\n`);
  process.exitCode = report.exitCode > 0 ? 1 : 0;
} finally {
  process.chdir(root);
  await rm(copy, { recursive: true, force: true });
}
