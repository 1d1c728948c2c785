// claimlens bench-load [--users 50] [--seconds 60] [--source DB]: load test on loopback only.
// Starts the built server on a copy of a database (default data/claimlens.duckdb, the demo),
// signs in N users (one session each), and has each request the dashboard pages in turn for a
// fixed time. Prints requests, errors and latency percentiles. `npm run bench:load`.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { appRoot } from '../../lib/server/db/database.ts';
import { parseFlags } from '../args.ts';
import { CliError, fmtInt, info, printJson } from '../output.ts';

const Flags = z.object({
	users: z.coerce.number().int().min(1).max(500).default(50),
	seconds: z.coerce.number().int().min(5).max(600).default(60),
	source: z.string().optional(),
	db: z.string().optional(),
	json: z.boolean().optional()
});
const PAGES = ['/', '/flags', '/accuracy', '/denials', '/data'];
const PASSWORD = 'load-test-only-password';

function percentile(sorted: number[], q: number): number {
	return sorted.length ? (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number) : 0;
}

export async function benchLoadCommand(argv: string[]): Promise<void> {
	const { flags } = parseFlags(argv, { users: { type: 'string' }, seconds: { type: 'string' }, source: { type: 'string' } }, Flags);
	const source = resolve(flags.source ?? join(appRoot(), 'data', 'claimlens.duckdb'));
	if (!existsSync(source)) throw new CliError(`${source} is missing: run \`claimlens demo\` (or npm start once) first`);
	const dir = mkdtempSync(join(tmpdir(), 'claimlens-load-'));
	const db = join(dir, 'load.duckdb');
	copyFileSync(source, db);
	if (existsSync(`${source}.wal`)) copyFileSync(`${source}.wal`, `${db}.wal`);
	const cli = join(appRoot(), 'bin', 'claimlens.js');
	execFileSync(process.execPath, [cli, 'user', 'add', 'load@example.org', '--role', 'admin', '--password-stdin', '--db', db], { input: PASSWORD, stdio: ['pipe', 'ignore', 'inherit'] });
	const port = 5600 + Math.floor(Math.random() * 300);
	const base = `http://127.0.0.1:${port}`;
	const server = spawn(process.execPath, [cli, 'serve', '--port', String(port), '--host', '127.0.0.1', '--db', db, '--no-demo'], { stdio: ['ignore', 'ignore', 'inherit'] });
	try {
		for (let i = 0; i < 120 && !(await fetch(`${base}/login`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 250));
		const cookies: string[] = [];
		for (let u = 0; u < flags.users; u++) {
			const res = await fetch(`${base}/login`, {
				method: 'POST',
				redirect: 'manual',
				headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
				body: new URLSearchParams({ email: 'load@example.org', password: PASSWORD })
			});
			const c = /claimlens_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0];
			if (!c) throw new CliError(`sign-in ${u + 1} failed (${res.status})`);
			cookies.push(c);
		}
		// warm-up: one pass, so the figures are the steady state a team sees after an import
		for (const p of PAGES) await fetch(`${base}${p}`, { headers: { cookie: cookies[0] as string } }).then((r) => r.arrayBuffer());
		info(`${flags.users} signed-in users on ${PAGES.join(', ')} for ${flags.seconds} s against ${base}`);
		const latencies: number[] = [];
		const byPage = new Map<string, number[]>(PAGES.map((p) => [p, []]));
		let errors = 0;
		const until = Date.now() + flags.seconds * 1000;
		await Promise.all(
			cookies.map(async (cookie, u) => {
				for (let i = u; Date.now() < until; i++) {
					const t0 = performance.now();
					try {
						const res = await fetch(`${base}${PAGES[i % PAGES.length]}`, { headers: { cookie } });
						await res.arrayBuffer();
						if (res.status !== 200) errors++;
					} catch {
						errors++;
					}
					const ms = performance.now() - t0;
					latencies.push(ms);
					byPage.get(PAGES[i % PAGES.length] as string)?.push(ms);
				}
			})
		);
		const sorted = [...latencies].sort((a, b) => a - b);
		const result = {
			users: flags.users,
			seconds: flags.seconds,
			requests: latencies.length,
			errors,
			requestsPerSecond: Math.round(latencies.length / flags.seconds),
			p50: Math.round(percentile(sorted, 0.5)),
			p95: Math.round(percentile(sorted, 0.95)),
			p99: Math.round(percentile(sorted, 0.99)),
			max: Math.round(sorted[sorted.length - 1] ?? 0),
			pages: Object.fromEntries([...byPage].map(([p, l]) => {
				const s2 = [...l].sort((a, b) => a - b);
				return [p, { requests: l.length, p50: Math.round(percentile(s2, 0.5)), p95: Math.round(percentile(s2, 0.95)) }];
			})),
			target: 'zero errors, p95 < 500 ms'
		};
		if (flags.json) return printJson(result);
		process.stdout.write(`${fmtInt(result.requests)} requests, ${result.errors} errors, ${result.requestsPerSecond} req/s; latency p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${result.p99} ms, max ${result.max} ms\n`);
		for (const [p, s2] of Object.entries(result.pages)) process.stdout.write(`  ${p.padEnd(10)} ${fmtInt(s2.requests).padStart(6)} requests  p50 ${s2.p50} ms  p95 ${s2.p95} ms\n`);
	} finally {
		server.kill('SIGTERM');
		await new Promise((r) => setTimeout(r, 500));
		rmSync(dir, { recursive: true, force: true });
	}
}
