// Own providers against national CMS peers (issue 11). With a CMS by-Provider-and-Service file
// loaded (the user's copy of the national file, one data year at a time), each own provider's
// rate for a peer rule is placed in the national distribution of its specialty (mapped to a CMS
// provider type, src/lib/specialty-map.ts) for that year:
//   national rate p_nat = sum x / sum n over the national providers of the type (pooled);
//   over-dispersion estimated on those national providers with the rule's model (stats/funnel.ts,
//   Spiegelhalter 2005), so the funnel limits are the national funnel's;
//   national percentile = share of national providers whose rate is at or below the own rate;
//   national z = the funnel z of (x, n) against p_nat with that dispersion;
//   flagged by the same conditions as own peers: volume >= min_volume, a national group of at
//   least min_peer_group providers, and above the upper limit with percentile >= the threshold
//   (high), or below the lower limit with percentile <= 1 - the threshold (low).
// No leave-one-out: one provider is a negligible share of a national group. Rules that need
// modifiers cannot be compared (the CMS file has none).
import type { PeerRule } from '../../schemas/rules.ts';
import type { FlagRow } from '../../schemas/flags.ts';
import { funnelPoint } from '../stats/funnel.ts';
import { percentileRank } from '../stats/percentile.ts';
import { groupStats, type PeerCounts, type PeerGroupStats } from './peer-engine.ts';

export interface NationalGroup {
	/** the CMS provider type */
	type: string;
	stats: PeerGroupStats;
	rates: number[];
}

/** The national groups of one rule from the CMS rows' counts (one per provider type). */
export function nationalGroups(rule: PeerRule, counts: PeerCounts[]): Map<string, NationalGroup> {
	const by = new Map<string, PeerCounts[]>();
	for (const c of counts) {
		const list = by.get(c.specialty) ?? [];
		list.push(c);
		by.set(c.specialty, list);
	}
	const out = new Map<string, NationalGroup>();
	for (const [type, members] of by) {
		const stats = groupStats(type, type, members, rule.overdispersion);
		out.set(type, { type, stats, rates: members.filter((m) => m.denominator > 0).map((m) => m.numerator / m.denominator) });
	}
	return out;
}

export interface NationalFields {
	national_year: number | null;
	national_group: string | null;
	national_providers: number | null;
	national_rate: number | null;
	national_percentile: number | null;
	national_z: number | null;
	national_flagged: boolean;
	national_direction: 'high' | 'low' | null;
	/** why the row is or is not flagged nationally, or why it cannot be compared */
	national_reason: string;
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** One own row against its national group (undefined: the specialty maps to no CMS type in the file). */
export function compareNational(rule: PeerRule, row: FlagRow, g: NationalGroup | undefined, year: number, mappedType: string | null): NationalFields {
	const none = (reason: string): NationalFields => ({ national_year: year, national_group: mappedType, national_providers: g?.stats.providers ?? null, national_rate: g?.stats.pooled ?? null, national_percentile: null, national_z: null, national_flagged: false, national_direction: null, national_reason: reason });
	if (!mappedType) return none(`no CMS provider type for the specialty "${row.specialty}": map it (claimlens specialty-map)`);
	if (!g) return none(`no ${mappedType} providers bill this code family in the CMS ${year} file`);
	if (row.denominator === null || row.numerator === null || row.rate === null || row.denominator <= 0) return none('no services');
	const p0 = g.stats.pooled;
	if (p0 === null) return none('no national rate');
	const f = funnelPoint({ x: row.numerator, n: row.denominator }, p0, g.stats.dispersion, rule.z_threshold);
	const percentile = percentileRank(row.rate, g.rates);
	const big = g.stats.providers >= rule.min_peer_group;
	const volumeOk = row.denominator >= rule.min_volume;
	const high = f.upperLimit !== null && row.rate > f.upperLimit && percentile !== null && percentile >= rule.percentile_threshold;
	const low = f.lowerLimit !== null && row.rate < f.lowerLimit && percentile !== null && percentile <= 1 - rule.percentile_threshold;
	const flagged = big && volumeOk && (high || low);
	const direction = row.rate >= p0 ? 'high' : 'low';
	const why = [
		`${mappedType} nationally (CMS ${year}): ${g.stats.providers} providers, rate ${pct(p0)}`,
		f.z === null ? 'no z' : `z ${f.z.toFixed(2)} against it (limits ${f.lowerLimit === null ? '' : pct(Math.max(0, f.lowerLimit))} to ${f.upperLimit === null ? '' : pct(f.upperLimit)} at this volume)`,
		percentile === null ? '' : `national percentile ${pct(percentile)}`,
		!big ? `national group under ${rule.min_peer_group}: no flag` : !volumeOk ? `volume under ${rule.min_volume}: no flag` : flagged ? `flagged (${direction} side)` : 'not flagged'
	].filter(Boolean);
	return { national_year: year, national_group: mappedType, national_providers: g.stats.providers, national_rate: p0, national_percentile: percentile, national_z: f.z, national_flagged: flagged, national_direction: direction, national_reason: why.join('; ') };
}
