// After start-up the web server locks DuckDB down (security.md "DuckDB and input"): files only
// inside the project's data directory, the database's own temp directory (decoded copies, 837
// hand-overs) and its sampling-export directory (never all of /tmp, nor the database's whole
// directory, which may be shared), no external access, no extension
// auto-install or auto-load, then lock_configuration so no later statement can undo it. The
// CLI does not lock (it reads files the user names anywhere).
import { dirname, resolve } from 'node:path';
import { tempDirFor } from '../ingest/transcode.ts';
import { appRoot, defaultDbPath, withConnection } from './database.ts';

let done: Promise<void> | undefined;

function sqlList(items: string[]): string {
	return `[${items.map((i) => `'${i.replace(/'/g, "''")}'`).join(', ')}]`;
}

/** The only directories DuckDB may read or write files in once the server is locked down. */
export function allowedDirectories(dbPath: string): string[] {
	const db = resolve(dbPath);
	return [resolve(appRoot(), 'data'), tempDirFor(db), resolve(dirname(db), 'sampling-exports')];
}

export function lockDownDatabase(dbPath = defaultDbPath()): Promise<void> {
	done ??= withConnection(async (conn) => {
		const dirs = [...new Set(allowedDirectories(dbPath))].map((d) => `${d}/`);
		await conn.run(`SET allowed_directories = ${sqlList(dirs)}`);
		await conn.run('SET enable_external_access = false');
		await conn.run('SET autoinstall_known_extensions = false');
		await conn.run('SET autoload_known_extensions = false');
		// progress tracking is configured once here, since nothing may SET after the lock
		await conn.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false; SET progress_bar_time = 1000');
		await conn.run('SET lock_configuration = true');
	}, dbPath);
	return done;
}
