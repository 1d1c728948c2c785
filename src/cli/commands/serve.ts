// claimlens serve [--port 3000]: serve the built app (adapter-node output in build/) over the
// database; on an empty database, first generate and import the demo dataset.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { appRoot, defaultDbPath } from '../../lib/server/db/database.ts';
import { databaseIsEmpty } from '../../lib/server/ingest/load-demo.ts';
import { parseFlags } from '../args.ts';
import { CliError, info } from '../output.ts';
import { runDemo } from './demo.ts';
import { ensureFirstAdmin } from '../../lib/server/auth/first-admin.ts';

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
	const entry = resolve(appRoot(), 'build', 'index.js');
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
	const admin = await ensureFirstAdmin(dbPath);
	if (admin) {
		process.stdout.write(`\nFirst start: created ${admin.email} (admin) with the one-time password\n\n    ${admin.password}\n\nIt is shown only now. Sign in with it, add real accounts (\`claimlens user add EMAIL --role ROLE\`) and disable this one.\n\n`);
	}
	process.env.PORT = String(flags.port ?? process.env.PORT ?? 3000);
	if (flags.host) process.env.HOST = flags.host;
	// Uploads stream to disk; this is the deliberate request-size ceiling (adapter-node's
	// default of 512 KB would refuse any real export). Override with BODY_SIZE_LIMIT.
	process.env.BODY_SIZE_LIMIT ??= String(2 * 1024 ** 3);
	info(`ClaimLens on http://localhost:${process.env.PORT} (database ${dbPath})`);
	await import(pathToFileURL(entry).href);
}
