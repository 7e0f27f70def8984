// Bundles the handler and every dependency (including the AWS SDK, so the deployed code does not
// depend on the runtime's SDK version) into one ESM file for the nodejs22.x runtime.
import { build } from 'esbuild';
import { statSync } from 'node:fs';

// The output path is an argument only so that a test can build a second copy to compare.
const OUT = process.argv[2] ?? 'dist/index.mjs';
const LIMIT = 1024 * 1024;

await build({
  entryPoints: ['src/index.mjs'],
  outfile: OUT,
  bundle: true,
  minify: true,
  treeShaking: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  // Prefer the ESM builds of dependencies: they tree-shake far better than the CJS ones.
  mainFields: ['module', 'main'],
  legalComments: 'none',
  logLevel: 'warning',
});

const size = statSync(OUT).size;
// A report, not a result: stdout stays free for callers that parse it.
console.error(`${OUT}: ${size} bytes (${(size / 1024).toFixed(1)} KiB)`);
if (size > LIMIT) {
  console.error(`bundle is over the ${LIMIT}-byte limit`);
  process.exit(1);
}
