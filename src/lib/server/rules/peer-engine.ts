// Peer-comparison statistics for one rule (pure; unit-tested by hand in
// tests/unit/peer-engine.test.ts). Definitions: domain.md "Claim-line rules":
//   rate p = x / n; peer rate p0 = sum x / sum n over the peer group; peer median of p;
//   percentile = share of peers whose rate is at or below p; funnel z against p0 with
//   Spiegelhalter's multiplicative over-dispersion; excess = x - n p0;
//   dollars at risk = excess x (mean allowed of numerator - mean allowed of other codes), or
//   excess x mean allowed of numerator lines for modifier rules (catalog "dollars").
// Flag = z above the rule's threshold AND percentile >= its threshold AND n >= minimum volume,
// in a peer group of at least min_peer_group providers. Multiplicity (applyMultiplicity, run
// over every peer rule of an evaluation): p = 1 - Phi(z), Benjamini-Hochberg q; under the
// `fdr` flag rule, q <= 0.05 replaces the z condition.
import type { PeerRule } from '../../schemas/rules.ts';
import type { FlagRow, FlagRule } from '../../schemas/flags.ts';
import { funnelPoint, overDispersion, pooledRate } from '../stats/funnel.ts';
import { benjaminiHochberg, FDR_Q_DEFAULT, upperTailP } from '../stats/fdr.ts';
import { median, percentileRank } from '../stats/percentile.ts';

export interface PeerCounts {
	provider_npi: string;
	provider_name: string | null;
	specialty: string;
	peer_extra: string;
	numerator: number;
	denominator: number;
	num_mean_allowed: number | null;
	other_mean_allowed: number | null;
}

export interface PeerGroupStats {
	key: string;
	label: string;
	providers: number;
	pooled: number | null;
	median: number | null;
	phi: number;
	phiApplied: boolean;
	/** numerator-weighted mean allowed across the group, for dollars when a provider has none */
	numMean: number | null;
	otherMean: number | null;
}

const pct = (r: number) => `${(r * 100).toFixed(1)}%`;

function weightedMean(rows: PeerCounts[], value: (r: PeerCounts) => number | null, weight: (r: PeerCounts) => number): number | null {
	let s = 0;
	let w = 0;
	for (const r of rows) {
		const v = value(r);
		const wt = weight(r);
		if (v !== null && wt > 0) {
			s += v * wt;
			w += wt;
		}
	}
	return w > 0 ? s / w : null;
}

export function groupStats(key: string, label: string, rows: PeerCounts[]): PeerGroupStats {
	const units = rows.filter((r) => r.denominator > 0).map((r) => ({ x: r.numerator, n: r.denominator }));
	const pooled = pooledRate(units);
	const od = pooled === null ? { phi: 1, applied: false } : overDispersion(units, pooled);
	return {
		key,
		label,
		providers: units.length,
		pooled,
		median: median(units.map((u) => u.x / u.n)),
		phi: od.phi,
		phiApplied: od.applied,
		numMean: weightedMean(rows, (r) => r.num_mean_allowed, (r) => r.numerator),
		otherMean: weightedMean(rows, (r) => r.other_mean_allowed, (r) => r.denominator - r.numerator)
	};
}

export function severityOf(rule: PeerRule, z: number, dollars: number | null): 'low' | 'medium' | 'high' {
	const d = dollars ?? 0;
	if (z >= rule.severity.high_z || d >= rule.severity.high_dollars) return 'high';
	if (z >= rule.severity.medium_z || d >= rule.severity.medium_dollars) return 'medium';
	return 'low';
}

/** The conditions behind one peer row's flag, kept until the q-values of the evaluation are known. */
export interface PeerCheck {
	row: FlagRow;
	rule: PeerRule;
	bigGroup: boolean;
	volumeOk: boolean;
	pctOk: boolean;
	dollars: number | null;
}

/** p-values and q-values below 0.001 in scientific notation. */
export const fmtP = (v: number) => (v >= 0.001 ? v.toFixed(3) : v.toExponential(1));

/**
 * Benjamini-Hochberg q over every check with a z (m = their count), then the flag rule:
 * `z` (default) keeps z > threshold; `fdr` flags when q <= qThreshold instead. The percentile,
 * volume and peer-group conditions hold under both. Returns m.
 */
export function applyMultiplicity(checks: PeerCheck[], flagRule: FlagRule = 'z', qThreshold = FDR_Q_DEFAULT): number {
	const q = benjaminiHochberg(checks.map((c) => c.row.p_value));
	const m = q.filter((v) => v !== null).length;
	checks.forEach((c, i) => {
		const row = c.row;
		const qi = q[i] ?? null;
		row.q_value = qi;
		const qOk = qi !== null && qi <= qThreshold;
		const zOk = row.z !== null && row.z > c.rule.z_threshold;
		if (flagRule === 'fdr') {
			if (row.z !== null) row.reasons[2] = `z ${row.z.toFixed(2)} (not a condition under the FDR rule)`;
			row.reasons.splice(3, 0, qi === null ? 'no q-value (no z)' : `q ${fmtP(qi)} ${qOk ? '<=' : '>'} ${qThreshold} (Benjamini-Hochberg over ${m} peer-rule tests)`);
		} else if (qi !== null) {
			row.reasons.push(`q ${fmtP(qi)} (Benjamini-Hochberg over ${m} peer-rule tests; not a condition under the z rule)`);
		}
		const sigOk = flagRule === 'fdr' ? qOk : zOk;
		row.flagged = c.bigGroup && c.volumeOk && c.pctOk && sigOk;
		row.severity = row.flagged && row.z !== null ? severityOf(c.rule, row.z, c.dollars) : 'none';
	});
	return m;
}

export function evaluatePeerRule(rule: PeerRule, counts: PeerCounts[]): { rows: FlagRow[]; groups: PeerGroupStats[]; checks: PeerCheck[] } {
	const byGroup = new Map<string, PeerCounts[]>();
	for (const c of counts) {
		const key = `${c.specialty}\u0000${c.peer_extra}`;
		const list = byGroup.get(key) ?? [];
		list.push(c);
		byGroup.set(key, list);
	}
	const rows: FlagRow[] = [];
	const checks: PeerCheck[] = [];
	const groups: PeerGroupStats[] = [];
	for (const [key, members] of byGroup) {
		const first = members[0] as PeerCounts;
		const label = first.peer_extra ? `${first.specialty} / ${first.peer_extra}` : first.specialty;
		const g = groupStats(key, label, members);
		groups.push(g);
		const rates = members.filter((m) => m.denominator > 0).map((m) => m.numerator / m.denominator);
		for (const m of members) {
			if (m.denominator <= 0) continue;
			const rate = m.numerator / m.denominator;
			const p0 = g.pooled;
			const f = p0 === null ? { z: null, upperLimit: null } : funnelPoint({ x: m.numerator, n: m.denominator }, p0, g.phi, rule.z_threshold);
			const percentile = percentileRank(rate, rates);
			const excess = p0 === null ? null : m.numerator - m.denominator * p0;
			const numMean = m.num_mean_allowed ?? g.numMean;
			const otherMean = m.other_mean_allowed ?? g.otherMean;
			let perService: number | null = null;
			if (rule.dollars === 'numerator_amount') perService = numMean;
			else if (numMean !== null && otherMean !== null) perService = numMean - otherMean;
			const dollars = excess !== null && perService !== null ? Math.max(0, excess) * perService : null;

			const reasons: string[] = [];
			const bigGroup = g.providers >= rule.min_peer_group;
			const volumeOk = m.denominator >= rule.min_volume;
			const funnelOk = f.z !== null && f.z > rule.z_threshold;
			const pctOk = percentile !== null && percentile >= rule.percentile_threshold;
			reasons.push(bigGroup ? `peer group of ${g.providers} providers` : `peer group of ${g.providers} is below ${rule.min_peer_group}: no flags`);
			reasons.push(volumeOk ? `volume ${m.denominator} >= ${rule.min_volume}` : `volume ${m.denominator} below the minimum ${rule.min_volume}`);
			reasons.push(f.z === null ? 'no funnel z (peer rate is 0 or 100%)' : `z ${f.z.toFixed(2)} ${funnelOk ? '>' : '<='} ${rule.z_threshold.toFixed(2)}`);
			reasons.push(percentile === null ? 'no percentile' : `percentile ${pct(percentile)} ${pctOk ? '>=' : '<'} ${pct(rule.percentile_threshold)}`);
			const flagged = bigGroup && volumeOk && funnelOk && pctOk;
			const row: FlagRow = {
				rule_id: rule.id,
				kind: 'peer',
				title: rule.title,
				provider_npi: m.provider_npi,
				provider_name: m.provider_name,
				specialty: m.specialty,
				peer_group: label,
				peer_count: g.providers,
				numerator: m.numerator,
				denominator: m.denominator,
				rate,
				peer_rate: p0,
				peer_median: g.median,
				percentile,
				z: f.z,
				p_value: upperTailP(f.z),
				q_value: null,
				upper_limit: f.upperLimit,
				phi: g.phi,
				excess_services: excess,
				dollars_at_risk: dollars === null ? null : Math.round(dollars * 100) / 100,
				flagged,
				severity: flagged && f.z !== null ? severityOf(rule, f.z, dollars) : 'none',
				reasons
			};
			rows.push(row);
			checks.push({ row, rule, bigGroup, volumeOk, pctOk, dollars });
		}
	}
	return { rows, groups, checks };
}
