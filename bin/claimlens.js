#!/usr/bin/env node
// ClaimLens command line. Runs the built CLI (dist-cli/, `npm run build`) when it is newer than
// every TypeScript source, so a call does not compile TypeScript (issue 16: a CLI that starts at
// once); otherwise loads the sources through tsx, so the CLI, the pages and the tests always run
// the same server functions (one code path per question), even right after an edit.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
process.env.CLAIMLENS_ROOT ??= root;

/** The newest modification time under a folder (ms). */
function newest(dir) {
	let t = 0;
	for (const e of readdirSync(dir, { withFileTypes: true })) {
		const p = join(dir, e.name);
		t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
	}
	return t;
}

const built = join(root, 'dist-cli', 'main.js');
const fresh = !process.env.CLAIMLENS_CLI_SOURCES && existsSync(built) && statSync(built).mtimeMs >= newest(join(root, 'src'));
if (fresh) {
	await import(new URL('../dist-cli/main.js', import.meta.url).href);
} else {
	const { register } = await import('tsx/esm/api');
	register();
	await import('../src/cli/main.ts');
}
