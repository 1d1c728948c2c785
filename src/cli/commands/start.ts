// claimlens start [serve options]: what `npm start` runs. Builds the app with Vite (and the CLI), showing its
// output only when the build fails (a user needs "built", not 240 lines of chunk sizes), then
// serves it exactly as `claimlens serve` does.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { appRoot } from '../../lib/server/db/database.ts';
import { CliError, info } from '../output.ts';
import { serveCommand } from './serve.ts';

export async function startCommand(argv: string[]): Promise<void> {
	const started = Date.now();
	info('Building the app…');
	const vite = resolve(appRoot(), 'node_modules', 'vite', 'bin', 'vite.js');
	const output: Buffer[] = [];
	const code = await new Promise<number>((ok, fail) => {
		const child = spawn(process.execPath, [vite, 'build'], { cwd: appRoot(), stdio: ['ignore', 'pipe', 'pipe'] });
		child.stdout.on('data', (b: Buffer) => output.push(b));
		child.stderr.on('data', (b: Buffer) => output.push(b));
		child.on('error', fail);
		child.on('close', (c) => ok(c ?? 1));
	});
	if (code !== 0) {
		process.stderr.write(Buffer.concat(output));
		throw new CliError(`the build failed (vite exited with ${code}); its output is above`);
	}
	// the command line too (dist-cli/), so later `claimlens` calls start without compiling TypeScript
	const cli = await new Promise<number>((ok, fail) => {
		const child = spawn(process.execPath, [resolve(appRoot(), 'scripts', 'build-cli.mjs')], { cwd: appRoot(), stdio: ['ignore', 'ignore', 'inherit'] });
		child.on('error', fail);
		child.on('close', (c) => ok(c ?? 1));
	});
	if (cli !== 0) info('the command line could not be built; it keeps compiling its TypeScript at each call');
	info(`built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
	await serveCommand(argv);
}
