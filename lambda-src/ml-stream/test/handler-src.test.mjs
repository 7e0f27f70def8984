import { defineSuite } from './suite.mjs';

defineSuite(new URL('../src/index.mjs', import.meta.url).href);
