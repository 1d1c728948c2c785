// The uploads and imports this server process is working on, by a random token: the Data page
// cancels one with DELETE /api/imports/running/TOKEN (its uploader or an admin), an admin sees
// them all. In memory only: a process that stops takes its imports with it (the import log
// marks them interrupted at the next start).
import { randomUUID } from 'node:crypto';
import type { Role } from '../auth/roles.ts';

export interface RunningImport {
	token: string;
	userId: string;
	email: string;
	fileName: string;
	started: Date;
	/** uploading: the body is still arriving; importing: queued behind another import, or running */
	state: 'uploading' | 'importing';
	controller: AbortController;
}

/** What a page or an API answer may show of an entry (no controller). */
export type RunningImportView = Omit<RunningImport, 'controller' | 'started'> & { started: string };

export interface Caller {
	user_id: string;
	email: string;
	role: Role;
}

// one registry per process, shared by every copy of this module (a dev server's hot reload)
const KEY = Symbol.for('claimlens.running-imports');
const entries: Map<string, RunningImport> = ((globalThis as Record<symbol, unknown>)[KEY] ??= new Map()) as Map<string, RunningImport>;

export function registerImport(owner: { userId: string; email: string }, fileName: string): RunningImport {
	const entry: RunningImport = { token: randomUUID(), userId: owner.userId, email: owner.email, fileName, started: new Date(), state: 'uploading', controller: new AbortController() };
	entries.set(entry.token, entry);
	return entry;
}

export function unregisterImport(token: string): void {
	entries.delete(token);
}

export function findImport(token: string): RunningImport | null {
	return entries.get(token) ?? null;
}

/** Who may cancel an import: the user who uploaded it, or an admin. Nobody else, whatever their role. */
export function mayCancel(caller: Pick<Caller, 'user_id' | 'role'>, entry: Pick<RunningImport, 'userId'>): boolean {
	return caller.role === 'admin' || caller.user_id === entry.userId;
}

/** The imports a caller may see and cancel: all of them for an admin, else their own; oldest first. */
export function visibleImports(caller: Pick<Caller, 'user_id' | 'role'>): RunningImportView[] {
	return [...entries.values()]
		.filter((e) => mayCancel(caller, e))
		.sort((a, b) => a.started.getTime() - b.started.getTime())
		.map(({ controller: _c, started, ...rest }) => ({ ...rest, started: started.toISOString() }));
}

/** The abort reason recorded in the import log: who cancelled, in which capacity. */
export function cancelReason(caller: Pick<Caller, 'user_id' | 'email'>, entry: Pick<RunningImport, 'userId'>): string {
	return `by ${caller.email}, ${caller.user_id === entry.userId ? 'the uploader' : 'an admin'}`;
}

export type CancelOutcome = { ok: true; entry: RunningImport; reason: string; already: boolean } | { ok: false; status: 403 | 404 };

/** Cancels the import `token` when `caller` may: aborts its controller with the reason (`already`: an earlier cancel stands). */
export function cancelImport(token: string, caller: Caller): CancelOutcome {
	const entry = findImport(token);
	if (!entry) return { ok: false, status: 404 };
	if (!mayCancel(caller, entry)) return { ok: false, status: 403 };
	if (entry.controller.signal.aborted) return { ok: true, entry, reason: String(entry.controller.signal.reason), already: true };
	const reason = cancelReason(caller, entry);
	entry.controller.abort(reason);
	return { ok: true, entry, reason, already: false };
}
