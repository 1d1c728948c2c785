// Who may cancel a running import (src/lib/server/ingest/running-imports.ts): its uploader or an
// admin, nobody else whatever their role; the registry's cancel outcomes and what it shows.
import { afterEach, describe, expect, it } from 'vitest';
import { roles } from '../../src/lib/server/auth/roles.ts';
import { cancelImport, cancelReason, findImport, mayCancel, registerImport, unregisterImport, visibleImports } from '../../src/lib/server/ingest/running-imports.ts';

const ann = { user_id: 'u-ann', email: 'ann@example.org', role: 'coding_manager' as const };
const bob = { user_id: 'u-bob', email: 'bob@example.org', role: 'compliance_officer' as const };
const root = { user_id: 'u-root', email: 'root@example.org', role: 'admin' as const };

const tokens: string[] = [];
afterEach(() => {
	for (const t of tokens.splice(0)) unregisterImport(t);
});
const register = (owner: { user_id: string; email: string }, file: string) => {
	const e = registerImport({ userId: owner.user_id, email: owner.email }, file);
	tokens.push(e.token);
	return e;
};

describe('mayCancel', () => {
	it('the uploader may, whatever their role', () => {
		for (const role of roles) expect(mayCancel({ user_id: 'u1', role }, { userId: 'u1' })).toBe(true);
	});
	it('another user may only as an admin', () => {
		expect(roles.map((role) => [role, mayCancel({ user_id: 'u2', role }, { userId: 'u1' })])).toEqual([
			['admin', true],
			['compliance_officer', false],
			['coding_manager', false],
			['auditor', false]
		]);
	});
});

describe('cancelImport', () => {
	it('404 for an unknown token, 403 for someone else, and aborts for the uploader with who did it', () => {
		const e = register(ann, 'claims.csv');
		expect(cancelImport('00000000-0000-4000-8000-000000000000', ann)).toEqual({ ok: false, status: 404 });
		expect(cancelImport(e.token, bob)).toEqual({ ok: false, status: 403 });
		expect(e.controller.signal.aborted).toBe(false);
		const out = cancelImport(e.token, ann);
		expect(out).toMatchObject({ ok: true, reason: 'by ann@example.org, the uploader', already: false });
		expect(e.controller.signal.aborted).toBe(true);
		expect(e.controller.signal.reason).toBe('by ann@example.org, the uploader');
		// a second cancel changes nothing (and is not audited again)
		expect(cancelImport(e.token, root)).toMatchObject({ ok: true, reason: 'by ann@example.org, the uploader', already: true });
	});
	it('an admin cancels anyone\'s import, named as an admin', () => {
		const e = register(bob, 'roster.csv');
		expect(cancelImport(e.token, root)).toMatchObject({ ok: true, reason: 'by root@example.org, an admin', already: false });
		expect(e.controller.signal.reason).toBe('by root@example.org, an admin');
	});
	it('cancelReason names the capacity', () => {
		expect(cancelReason(ann, { userId: 'u-ann' })).toBe('by ann@example.org, the uploader');
		expect(cancelReason(root, { userId: 'u-ann' })).toBe('by root@example.org, an admin');
	});
});

describe('visibleImports', () => {
	it('an admin sees all, anyone else their own; no controller leaves the registry', () => {
		const a = register(ann, 'a.csv');
		const b = register(bob, 'b.csv');
		expect(visibleImports(ann).map((v) => v.fileName)).toEqual(['a.csv']);
		expect(visibleImports(bob).map((v) => v.fileName)).toEqual(['b.csv']);
		expect(visibleImports(root).map((v) => v.token).sort()).toEqual([a.token, b.token].sort());
		const [view] = visibleImports(ann);
		expect(Object.keys(view ?? {}).sort()).toEqual(['email', 'fileName', 'started', 'state', 'token', 'userId']);
		expect(view?.state).toBe('uploading');
		unregisterImport(a.token);
		expect(findImport(a.token)).toBeNull();
		expect(visibleImports(ann)).toEqual([]);
	});
});
