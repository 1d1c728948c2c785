// A second `claimlens serve` on its own empty database, for tests that must not disturb the
// shared server (idle timeout, accounts, a server without ORIGIN). Accounts are added through
// the CLI as an operator would; the start fails the test when the server does not answer.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SideServer {
	/** the address tests use (http://localhost:PORT) */
	base: string;
	port: number;
	db: string;
	stop(): Promise<void>;
}

export interface SideServerOptions {
	name: string;
	users: { email: string; role: string; password: string }[];
	/** accounts to disable after adding them */
	disable?: string[];
	/** extra environment; a key set to undefined is removed (e.g. ORIGIN) */
	env?: Record<string, string | undefined>;
	/** set ORIGIN to the address (default true) */
	origin?: boolean;
}

export async function startSideServer(o: SideServerOptions): Promise<SideServer> {
	const dir = mkdtempSync(join(tmpdir(), `claimlens-${o.name}-`));
	const db = join(dir, `${o.name}.duckdb`);
	for (const u of o.users) execFileSync(process.execPath, ['bin/claimlens.js', 'user', 'add', u.email, '--role', u.role, '--password-stdin', '--db', db], { input: u.password, stdio: ['pipe', 'ignore', 'inherit'] });
	for (const email of o.disable ?? []) execFileSync(process.execPath, ['bin/claimlens.js', 'user', 'disable', email, '--db', db], { stdio: 'ignore' });
	const port = 4100 + Math.floor(Math.random() * 1800);
	const base = `http://localhost:${port}`;
	const env: NodeJS.ProcessEnv = { ...process.env, TZ: 'UTC', CLAIMLENS_ROOT: process.cwd(), ...(o.origin === false ? {} : { ORIGIN: base }) };
	if (o.origin === false) delete env.ORIGIN;
	delete env.HOST;
	for (const [k, v] of Object.entries(o.env ?? {})) {
		if (v === undefined) delete env[k];
		else env[k] = v;
	}
	const server: ChildProcess = spawn(process.execPath, ['bin/claimlens.js', 'serve', '--port', String(port), '--db', db, '--no-demo'], { stdio: ['ignore', 'ignore', 'inherit'], env });
	const stop = async () => {
		server.kill('SIGTERM');
		await new Promise((r) => setTimeout(r, 300));
		rmSync(dir, { recursive: true, force: true });
	};
	for (let i = 0; i < 240; i++) {
		if (await fetch(`http://127.0.0.1:${port}/login`).then((r) => r.ok, () => false)) return { base, port, db, stop };
		await new Promise((r) => setTimeout(r, 250));
	}
	await stop();
	throw new Error(`the ${o.name} server did not answer on port ${port} within 60 s`);
}
