// Builds the command line (issue 16: "a CLI that starts at once"): src/cli/main.ts bundled by
// esbuild into dist-cli/ as ES modules, one chunk per command (the dynamic imports of main.ts
// stay lazy), packages left to node_modules. bin/claimlens.js runs it when it is newer than every
// source file, else compiles the TypeScript through tsx as before. Run by `npm run build`.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist-cli`;
rmSync(outdir, { recursive: true, force: true });
await build({
	entryPoints: [`${root}src/cli/main.ts`],
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'esm',
	splitting: true,
	packages: 'external',
	outdir,
	logLevel: 'warning'
});
