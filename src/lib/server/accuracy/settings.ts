// Accuracy settings (issue "coder education", part 3): the accuracy target behind every
// below-target verdict, and the re-audit schedule (score bands, days after an education). Stored
// in accuracy_settings (queries/schema_education.sql), one JSON value per key; a key never saved
// takes its default (DEFAULT_ACCURACY_SETTINGS: 95% target of domain.md, the issue's example
// bands). Every save is also an 'education_settings' record of the audit trail.
import type { DuckDBConnection } from '@duckdb/node-api';
import { defaultDbPath, withConnection } from '../db/database.ts';
import { runQuery } from '../db/query-files.ts';
import { appendAudit } from '../audit/audit-log.ts';
import {
	AccuracySettings, AccuracyTarget, DEFAULT_ACCURACY_SETTINGS, ReauditBands, firstIssue
} from '../../schemas/accuracy.ts';

/** A settings value was refused; the message names the value ("target must be between ..."). */
export class SettingsRefused extends Error {}

export interface SavedAccuracySettings extends AccuracySettings {
	/** who saved the settings last and when (ISO, UTC); null while every value is a default */
	changed_by: string | null;
	changed_at: string | null;
}

// one sub-schema per stored key: a bad stored value (edited by hand) falls back to its default
// rather than breaking every accuracy page
const keySchemas = {
	target: AccuracyTarget,
	bands: ReauditBands,
	after_education_days: AccuracySettings.shape.after_education_days
} as const;

function parseStored(key: keyof typeof keySchemas, text: string): unknown {
	try {
		const r = keySchemas[key].safeParse(JSON.parse(text));
		return r.success ? r.data : undefined;
	} catch {
		return undefined;
	}
}

/** The settings on an open connection (one query); defaults for keys never saved. */
export async function readAccuracySettings(conn: DuckDBConnection): Promise<SavedAccuracySettings> {
	const rows = await runQuery(conn, 'education/settings_get');
	const out: SavedAccuracySettings = { ...structuredClone(DEFAULT_ACCURACY_SETTINGS), changed_by: null, changed_at: null };
	for (const r of rows) {
		const key = String(r.key);
		if (!(key in keySchemas)) continue;
		const v = parseStored(key as keyof typeof keySchemas, String(r.value));
		if (v === undefined) continue;
		(out as unknown as Record<string, unknown>)[key] = v;
		if (r.changed_at !== null && (out.changed_at === null || String(r.changed_at) > out.changed_at)) {
			out.changed_at = String(r.changed_at);
			out.changed_by = r.changed_by === null ? null : String(r.changed_by);
		}
	}
	return out;
}

/**
 * The current accuracy settings: { target (fraction, 0.5..1), bands ([{below, interval_days}],
 * bounds increasing, the last 1), after_education_days, changed_by, changed_at }.
 */
export function getAccuracySettings(dbPath = defaultDbPath()): Promise<SavedAccuracySettings> {
	return withConnection(readAccuracySettings, dbPath);
}

/** The configured accuracy target (fraction): a group is below it when its interval's upper bound is. */
export async function getAccuracyTarget(dbPath = defaultDbPath()): Promise<number> {
	return (await getAccuracySettings(dbPath)).target;
}

/**
 * Validates and saves the settings; values not given keep their current ones (the CLI may change
 * only the target). All three are written in one statement, then an 'education_settings' audit
 * record carries the old and new values.
 * @throws SettingsRefused naming the bad value (nothing is written)
 * @returns the settings now in force
 */
export async function saveAccuracySettings(
	change: Partial<Record<keyof AccuracySettings, unknown>>,
	opts: { by: string; userId?: string | null; dbPath?: string }
): Promise<SavedAccuracySettings> {
	const dbPath = opts.dbPath ?? defaultDbPath();
	const previous = await getAccuracySettings(dbPath);
	const merged = {
		target: change.target ?? previous.target,
		bands: change.bands ?? previous.bands,
		after_education_days: change.after_education_days ?? previous.after_education_days
	};
	const parsed = AccuracySettings.safeParse(merged);
	if (!parsed.success) throw new SettingsRefused(firstIssue(parsed.error));
	const next = parsed.data;
	await withConnection(
		(conn) => runQuery(conn, 'education/settings_save', {
			target: JSON.stringify(next.target),
			bands: JSON.stringify(next.bands),
			after_education_days: JSON.stringify(next.after_education_days),
			changed_by: opts.by
		}),
		dbPath
	);
	const { changed_by: _b, changed_at: _a, ...old } = previous;
	await appendAudit({ userId: opts.userId ?? null, email: opts.by, action: 'education_settings', target: 'accuracy_settings', details: { previous: old, next } }, dbPath);
	return getAccuracySettings(dbPath);
}
