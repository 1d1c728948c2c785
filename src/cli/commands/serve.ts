// claimlens serve [--port 3000] [--host 127.0.0.1]: serve the built app (adapter-node's handler in
// build/) over the database, on loopback unless --host or HOST says otherwise; on an empty
// database, first generate and import the demo dataset.
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { appRoot, defaultDbPath } from '../../lib/server/db/database.ts';
import { databaseIsEmpty } from '../../lib/server/ingest/load-demo.ts';
import { parseFlags } from '../args.ts';
import { CliError, info } from '../output.ts';
import { runDemo } from './demo.ts';
import { ensureFirstAdmin } from '../../lib/server/auth/first-admin.ts';
import { warmCaches } from '../../lib/server/warm.ts';

const Flags = z.object({
	port: z.coerce.number().int().min(1).max(65535).optional(),
	host: z.string().optional(),
	'no-demo': z.boolean().optional(),
	lines: z.coerce.number().int().min(1000).optional(),
	db: z.string().optional(),
	json: z.boolean().optional()
});

import { removeLeftoverUploads } from '../../lib/server/ingest/upload.ts';

export async function serveCommand(argv: string[]): Promise<void> {
	const { flags } = parseFlags(argv, { port: { type: 'string' }, host: { type: 'string' }, 'no-demo': { type: 'boolean' }, lines: { type: 'string' } }, Flags);
	const entry = resolve(appRoot(), 'build', 'handler.js');
	if (!existsSync(entry)) throw new CliError(`${entry} is missing: run \`npm run build\` first (npm start does both)`);
	const dbPath = resolve(flags.db ?? defaultDbPath());
	process.env.CLAIMLENS_DB = dbPath;
	// uploads a crash left behind hold PHI: gone before the first request
	const leftovers = removeLeftoverUploads(dbPath);
	if (leftovers) info(`removed ${leftovers} upload(s) left by an interrupted import`);
	if (!flags['no-demo'] && (await databaseIsEmpty(dbPath))) {
		info(`${dbPath} is empty: generating the synthetic demo dataset (first start only)`);
		await runDemo({ dbPath, lines: flags.lines ?? (process.env.CLAIMLENS_DEMO_LINES ? Number(process.env.CLAIMLENS_DEMO_LINES) : undefined) });
	}
	// the first visitor should not wait for the rules: compute the default views now
	info('preparing the first views (risk flags, overview, denials)…');
	const warmed = await warmCaches(dbPath);
	info(`prepared in ${warmed.toFixed(1)} s`);
	const admin = await ensureFirstAdmin(dbPath);
	if (admin) {
		process.stdout.write(`\nFirst start: created ${admin.email} (admin) with the one-time password\n\n    ${admin.password}\n\nIt is shown only now and must be changed at the first sign-in. Sign in with it, add real accounts (\`claimlens user add EMAIL --role ROLE\`) and disable this one.\n\n`);
	}
	const port = flags.port ?? (process.env.PORT ? Number(process.env.PORT) : 3000);
	// loopback unless asked: a ClaimLens reachable from the network needs TLS in front (README)
	const host = flags.host ?? process.env.HOST ?? '127.0.0.1';
	// Uploads stream to disk; this is the deliberate outer request-size ceiling (adapter-node's
	// default of 512 KB would refuse any real export). Each route's own, much smaller, ceiling
	// is applied from the headers in hooks.server.ts (src/lib/server/http/body-limit.ts).
	process.env.BODY_SIZE_LIMIT ??= String(2 * 1024 ** 3);
	// This server speaks plain HTTP. Without ORIGIN, adapter-node would assume https and the
	// session cookie would be marked Secure, which a browser drops over http at a LAN host
	// name: sign-in silently failed. The header below is set by this process on every request
	// (a client's own copy is overwritten), so the app sees the protocol it is really served
	// over. Behind a TLS proxy, set ORIGIN=https://... (or PROTOCOL_HEADER for the proxy's header).
	const ownProtocolHeader = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
	if (ownProtocolHeader) process.env.PROTOCOL_HEADER = TRANSPORT_HEADER;
	const { handler } = (await import(pathToFileURL(resolve(appRoot(), 'build', 'handler.js')).href)) as { handler: (req: IncomingMessage, res: ServerResponse, next: () => void) => void };
	const server = createServer((req, res) => {
		if (ownProtocolHeader) req.headers[TRANSPORT_HEADER] = 'http';
		handler(req, res, () => {
			res.statusCode = 404;
			res.end('Not found');
		});
	});
	await new Promise<void>((ok, fail) => {
		server.once('error', (e: NodeJS.ErrnoException) => fail(e.code === 'EADDRINUSE' ? new CliError(`port ${port} on ${host} is in use: stop the other server or pass --port`) : e));
		server.listen(port, host, () => ok());
	});
	const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
	info(`ClaimLens on http://${shown}:${port} (database ${dbPath})${host === '127.0.0.1' || host === '::1' || host === 'localhost' ? '; only this machine can reach it (--host opens it; put TLS in front)' : ''}`);
	const stop = () => {
		server.close(() => process.exit(0));
		server.closeIdleConnections();
		setTimeout(() => process.exit(0), 10_000).unref();
	};
	process.once('SIGTERM', stop);
	process.once('SIGINT', stop);
	await new Promise(() => {});
}

/** Set by this process on every request it serves (plain HTTP); see serveCommand. */
const TRANSPORT_HEADER = 'x-claimlens-transport';
