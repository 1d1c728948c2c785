#!/usr/bin/env node
// ClaimLens command line. Loads the TypeScript sources through tsx so that the CLI, the pages
// and the tests run the same server functions (one code path per question).
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

process.env.CLAIMLENS_ROOT ??= fileURLToPath(new URL('..', import.meta.url));
register();
await import('../src/cli/main.ts');
