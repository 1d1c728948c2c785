// Starts the built server on a fresh database seeded with a small demo dataset, and stops it.
// In CI (CI=true) a missing Chromium is a failure; elsewhere the browser tests skip, saying so.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { E2E_PASSWORD, E2E_ROLES, e2eEmail } from './accounts.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
let server: ChildProcess | undefined;
let dir: string | undefined;

async function waitFor(url: string, ms: number): Promise<void> {
	const until = Date.now() + ms;
	while (Date.now() < until) {
		try {
			const r = await fetch(url);
			if (r.ok) return;
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error(`server did not answer at ${url} within ${ms / 1000} s`);
}

export default async function setup(project: TestProject) {
	if (!existsSync(CHROMIUM)) {
		if (process.env.CI) throw new Error(`Chromium not found at ${CHROMIUM}: CI must install it (apt-get install -y chromium)`);
		console.warn(`end-to-end tests skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
		project.provide('baseUrl', '');
		return;
	}
	dir = mkdtempSync(join(tmpdir(), 'claimlens-e2e-'));
	const db = join(dir, 'e2e.duckdb');
	// one account per role, made through the CLI as an operator would
	for (const role of E2E_ROLES) {
		execFileSync(process.execPath, ['bin/claimlens.js', 'user', 'add', e2eEmail(role), '--role', role, '--password-stdin', '--db', db], { input: E2E_PASSWORD, stdio: ['pipe', 'ignore', 'inherit'] });
	}
	const port = 3100 + Math.floor(Math.random() * 800);
	server = spawn(process.execPath, ['bin/claimlens.js', 'serve', '--port', String(port), '--db', db, '--lines', '30000'], {
		stdio: ['ignore', 'inherit', 'inherit'],
		env: { ...process.env, TZ: 'UTC', CLAIMLENS_ROOT: process.cwd(), ORIGIN: `http://localhost:${port}` }
	});
	const baseUrl = `http://localhost:${port}`;
	await waitFor(`${baseUrl}/login`, 240_000);
	project.provide('baseUrl', baseUrl);
	project.provide('e2eDir', dir);
	return async () => {
		server?.kill('SIGTERM');
		await new Promise((r) => setTimeout(r, 300));
		if (dir) rmSync(dir, { recursive: true, force: true });
	};
}

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		e2eDir: string;
	}
}
