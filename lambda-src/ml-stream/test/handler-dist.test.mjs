import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineSuite } from './suite.mjs';

const bundle = new URL('../dist/index.mjs', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) throw new Error('dist/index.mjs is missing: run `npm run build` first');
defineSuite(bundle.href);
