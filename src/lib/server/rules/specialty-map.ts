// The own-specialty -> CMS-provider-type mapping of the national benchmark: read (defaults,
// the user's edits, same names; src/lib/specialty-map.ts) and edited (table specialty_map,
// audited). One module for the Data page, `claimlens specialty-map` and the evaluation.
import { defaultDbPath, withConnection } from '../db/database.ts';
import { runQuery } from '../db/query-files.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { clearRuleCache } from './evaluate.ts';
import { mapSpecialties, type SpecialtyMapping } from '../../specialty-map.ts';

export class SpecialtyMapRefused extends Error {}

/** The mapping for the CMS year (default the newest imported), with the CMS types of that year. */
export function getSpecialtyMap(opts: { year?: number; dbPath?: string } = {}): Promise<{ year: number | null; types: string[]; mapping: SpecialtyMapping[] }> {
	return withConnection(async (conn) => {
		const years = (await runQuery(conn, 'rules/cms_years')).map((r) => Number(r.year));
		const year = opts.year !== undefined && years.includes(opts.year) ? opts.year : (years[0] ?? null);
		const types = year === null ? [] : (await runQuery(conn, 'rules/cms_types', { year })).map((r) => String(r.cms_type));
		const own = (await runQuery(conn, 'rules/own_specialties')).map((r) => String(r.specialty));
		const user = Object.fromEntries((await runQuery(conn, 'rules/specialty_map_list')).map((r) => [String(r.own_specialty), String(r.cms_type)]));
		return { year, types, mapping: mapSpecialties(own, types, user) };
	}, opts.dbPath ?? defaultDbPath());
}

/** Maps an own specialty to a CMS provider type (audited; flags are evaluated again). */
export async function setSpecialty(own: string, cms: string, opts: { by: string; userId?: string | null; dbPath?: string }): Promise<void> {
	const o = own.trim();
	const c = cms.trim();
	if (!o || o.length > 200) throw new SpecialtyMapRefused('the own specialty name is empty or too long');
	if (!c || c.length > 200) throw new SpecialtyMapRefused('the CMS provider type is empty or too long');
	const dbPath = opts.dbPath ?? defaultDbPath();
	// a type the imported CMS files do not have would quietly leave the specialty without peers
	const { types, year } = await getSpecialtyMap({ dbPath });
	if (year !== null && !types.includes(c)) {
		const near = types.filter((t) => t.toLowerCase().startsWith(c.slice(0, 4).toLowerCase())).slice(0, 5);
		throw new SpecialtyMapRefused(`"${c}" is not a provider type of the CMS ${year} file${near.length ? `; did you mean ${near.join(', ')}?` : ''}`);
	}
	await withConnection((conn) => runQuery(conn, 'rules/specialty_map_set', { own_specialty: o, cms_type: c, changed_by: opts.by }), dbPath);
	clearRuleCache();
	await appendAudit({ userId: opts.userId ?? null, email: opts.by, action: 'specialty_map', target: o, details: { cms_type: c } }, dbPath);
}

/** Drops an edit: the default mapping applies again (audited). */
export async function resetSpecialty(own: string, opts: { by: string; userId?: string | null; dbPath?: string }): Promise<void> {
	const dbPath = opts.dbPath ?? defaultDbPath();
	await withConnection((conn) => runQuery(conn, 'rules/specialty_map_delete', { own_specialty: own.trim() }), dbPath);
	clearRuleCache();
	await appendAudit({ userId: opts.userId ?? null, email: opts.by, action: 'specialty_map', target: own.trim(), details: { cms_type: null } }, dbPath);
}
