// After start-up the web server locks DuckDB down (security.md "DuckDB and input"): files only
// inside the data directory and the database's own directory, no external access, no extension
// auto-install or auto-load, then lock_configuration so no later statement can undo it. The
// CLI does not lock (it reads files the user names anywhere).
import { dirname, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { appRoot, defaultDbPath, withConnection } from './database.ts';

let done: Promise<void> | undefined;

function sqlList(items: string[]): string {
	return `[${items.map((i) => `'${i.replace(/'/g, "''")}'`).join(', ')}]`;
}

export function lockDownDatabase(dbPath = defaultDbPath()): Promise<void> {
	done ??= withConnection(async (conn) => {
		const dirs = [...new Set([resolve(appRoot(), 'data'), dirname(resolve(dbPath)), tmpdir()])].map((d) => `${d}/`);
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
