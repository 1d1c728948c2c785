// The audit trail's key and anchor, both kept outside the database file.
//
// Key: 32 random bytes (hex) in CLAIMLENS_AUDIT_KEY_FILE, default `audit.key` beside the
// database, created with mode 0600 on the first audit record. Each record's hash is sealed as
// HMAC-SHA256(key, hash) (RFC 2104), so whoever can write the database but cannot read the key
// can neither re-hash an edited record nor append a record that verifies.
//
// Anchor: `<database>.audit-head.json` = { seq, hash, mac }, rewritten (write + rename) after
// every record, mac = HMAC(key, "head:" + seq + ":" + hash). Deleting the newest records leaves
// the database behind its anchor, which verification reports.
//
// What this cannot detect: someone who can read the key file (or the running process's memory)
// can forge anything; keep the key on another volume or owner (CLAIMLENS_AUDIT_KEY_FILE) and
// copy the anchor off the machine if that matters. Deleting the database and the anchor
// together removes the trail (backups are the answer to that).
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export function auditKeyPath(dbPath: string): string {
	return resolve(process.env.CLAIMLENS_AUDIT_KEY_FILE ?? join(dirname(resolve(dbPath)), 'audit.key'));
}

export function anchorPath(dbPath: string): string {
	return `${resolve(dbPath)}.audit-head.json`;
}

export class AuditKeyMissing extends Error {}

/**
 * The key as bytes. Created when absent and `create` is true (a trail with no sealed record
 * yet); otherwise a missing key is an error: a new key would make every earlier seal fail.
 */
export function auditKey(dbPath: string, create: boolean): Buffer {
	const path = auditKeyPath(dbPath);
	if (existsSync(path)) {
		const hex = readFileSync(path, 'utf8').trim();
		if (!/^[0-9a-f]{64}$/.test(hex)) throw new AuditKeyMissing(`the audit key file ${path} does not hold a 64-digit hex key`);
		return Buffer.from(hex, 'hex');
	}
	if (!create) throw new AuditKeyMissing(`the audit key file ${path} is missing: sealed records cannot be checked or added (restore it, or set CLAIMLENS_AUDIT_KEY_FILE)`);
	mkdirSync(dirname(path), { recursive: true });
	const key = randomBytes(32);
	writeFileSync(path, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
	chmodSync(path, 0o600);
	return key;
}

export function seal(key: Buffer, text: string): string {
	return createHmac('sha256', key).update(text).digest('hex');
}

export interface Anchor {
	seq: number;
	hash: string;
	mac: string;
}

export function anchorMac(key: Buffer, seq: number, hash: string): string {
	return seal(key, `head:${seq}:${hash}`);
}

export function writeAnchor(dbPath: string, key: Buffer, seq: number, hash: string): void {
	const path = anchorPath(dbPath);
	const tmp = `${path}.${process.pid}.tmp`;
	writeFileSync(tmp, JSON.stringify({ seq, hash, mac: anchorMac(key, seq, hash) }), { mode: 0o600 });
	renameSync(tmp, path);
}

export function readAnchor(dbPath: string): Anchor | null {
	const path = anchorPath(dbPath);
	if (!existsSync(path)) return null;
	try {
		const a = JSON.parse(readFileSync(path, 'utf8')) as Anchor;
		return typeof a.seq === 'number' && typeof a.hash === 'string' && typeof a.mac === 'string' ? a : null;
	} catch {
		return null;
	}
}
