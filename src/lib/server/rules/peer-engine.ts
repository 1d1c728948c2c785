// Peer-comparison statistics for one rule (pure; unit-tested by hand in
// tests/unit/peer-engine.test.ts). Definitions: domain.md "Claim-line rules":
//   rate p = x / n; peer rate p0 = sum x / sum n over the peer group; peer median of p;
//   percentile = share of peers whose rate is at or below p; funnel z against p0 with
//   Spiegelhalter's over-dispersion, multiplicative (phi) or additive (tau^2) as the rule's
//   catalog entry chooses (stats/funnel.ts); excess = x - n p0;
//   leave-one-out: in a small peer group (fewer than the rule's loo_below providers, default
//   20), and for a provider holding at least LOO_SHARE (10%) of its group's denominator in any
//   group, p0 for that provider is the rate of the OTHER providers,
//   (sum x - x_i) / (sum n - n_i), so that its own volume does not pull the benchmark towards
//   itself (a dominant outlier otherwise makes itself the norm and everyone else look odd);
//   dollars at risk = excess x (mean allowed of numerator - mean allowed of other codes), or
//   excess x mean allowed of numerator lines for modifier rules (catalog "dollars").
// Flag = rate above the provider's own upper funnel limit (the limit the drill-down draws at its
// volume, at the rule's z_threshold) AND percentile >= its threshold AND n >= minimum volume,
// in a peer group of at least min_peer_group providers. The limit, not the mid-p z, decides, so
// that no provider sits above the drawn line unflagged for a statistical reason. Multiplicity (applyMultiplicity, run
// over every peer rule of an evaluation): p = 1 - Phi(z), Benjamini-Hochberg q; under the
// `fdr` flag rule, q <= 0.05 replaces the z condition.
import type { PeerRule } from '../../schemas/rules.ts';
import type { FlagRow, FlagRule } from '../../schemas/flags.ts';
import { funnelPoint, overDispersion, pooledRate, type DispersionModel, type OverDispersion } from '../stats/funnel.ts';
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
	/** the over-dispersion the group's limits use (model, phi or tau^2) */
	dispersion: OverDispersion;
	/** numerator-weighted mean allowed across the group, for dollars when a provider has none */
	numMean: number | null;
	otherMean: number | null;
}

const pct = (r: number) => `${(r * 100).toFixed(1)}%`;

/** A provider with at least this share of its group's denominator is judged against the others (leave-one-out). */
export const LOO_SHARE = 0.1;

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

export function groupStats(key: string, label: string, rows: PeerCounts[], model: DispersionModel = 'multiplicative'): PeerGroupStats {
	const units = rows.filter((r) => r.denominator > 0).map((r) => ({ x: r.numerator, n: r.denominator }));
	const pooled = pooledRate(units);
	const od: OverDispersion = pooled === null ? { model, phi: 1, tau2: 0, applied: false, k: 0 } : overDispersion(units, pooled, model);
	return {
		key,
		label,
		providers: units.length,
		pooled,
		median: median(units.map((u) => u.x / u.n)),
		phi: od.phi,
		phiApplied: od.applied,
		dispersion: od,
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
	/** rate above the provider's own upper funnel limit (the z rule's significance condition) */
	aboveLimit: boolean;
	/** the low-side flag's conditions: rate below the lower funnel limit and percentile at or under
	 * 1 - the rule's percentile threshold (the z rule in both directions; FDR q-values are one-sided, high) */
	lowOk: boolean;
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
		const zOk = c.aboveLimit;
		if (flagRule === 'fdr') {
			if (row.z !== null) row.reasons[2] = `z ${row.z.toFixed(2)} (not a condition under the FDR rule)`;
			row.reasons.splice(3, 0, qi === null ? 'no q-value (no z)' : `q ${fmtP(qi)} ${qOk ? '<=' : '>'} ${qThreshold} (Benjamini-Hochberg over ${m} peer-rule tests)`);
		} else if (qi !== null) {
			row.reasons.push(`q ${fmtP(qi)} (Benjamini-Hochberg over ${m} peer-rule tests; not a condition under the z rule)`);
		}
		const sigOk = flagRule === 'fdr' ? qOk : zOk;
		const high = c.bigGroup && c.volumeOk && c.pctOk && sigOk;
		const low = c.bigGroup && c.volumeOk && c.lowOk;
		row.flagged = high || low;
		row.severity = high && row.z !== null ? severityOf(c.rule, row.z, c.dollars) : low && row.z !== null ? severityOf(c.rule, -row.z, 0) : 'none';
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
		const g = groupStats(key, label, members, rule.overdispersion);
		groups.push(g);
		const rates = members.filter((m) => m.denominator > 0).map((m) => m.numerator / m.denominator);
		let sumX = 0;
		let sumN = 0;
		for (const m of members) if (m.denominator > 0) (sumX += m.numerator), (sumN += m.denominator);
		const smallGroup = g.providers < rule.loo_below;
		for (const m of members) {
			if (m.denominator <= 0) continue;
			const rate = m.numerator / m.denominator;
			const rest = sumN - m.denominator;
			const dominant = m.denominator >= LOO_SHARE * sumN;
			const leaveOneOut = smallGroup || dominant;
			const p0 = leaveOneOut ? (rest > 0 ? (sumX - m.numerator) / rest : null) : g.pooled;
			const f = p0 === null ? { z: null, upperLimit: null } : funnelPoint({ x: m.numerator, n: m.denominator }, p0, g.dispersion, rule.z_threshold);
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
			const funnelOk = f.z !== null && f.upperLimit !== null && rate > f.upperLimit;
			const pctOk = percentile !== null && percentile >= rule.percentile_threshold;
			// the low side (under-coding): below the lower limit and in the bottom percentiles
			const belowLimit = f.z !== null && f.lowerLimit !== null && rate < f.lowerLimit;
			const lowPctOk = percentile !== null && percentile <= 1 - rule.percentile_threshold;
			const direction: 'high' | 'low' = belowLimit || (p0 !== null && rate < p0) ? 'low' : 'high';
			reasons.push(bigGroup ? `peer group of ${g.providers} providers` : `peer group of ${g.providers} is below ${rule.min_peer_group}: no flags`);
			reasons.push(volumeOk ? `volume ${m.denominator} >= ${rule.min_volume}` : `volume ${m.denominator} below the minimum ${rule.min_volume}`);
			reasons.push(
				f.z === null || f.upperLimit === null
					? 'no funnel z (peer rate is 0 or 100%)'
					: belowLimit
						? `low side: rate ${pct(rate)} below the lower funnel limit ${pct(f.lowerLimit as number)} at this volume (z ${f.z.toFixed(2)}, limit at z -${rule.z_threshold.toFixed(2)})`
						: `rate ${pct(rate)} ${funnelOk ? 'above' : 'within'} the funnel limit ${pct(f.upperLimit)} at this volume (z ${f.z.toFixed(2)}, limit at z ${rule.z_threshold.toFixed(2)})`
			);
			if (leaveOneOut && p0 !== null) {
				const why = smallGroup ? `groups under ${rule.loo_below}` : `this provider has ${pct(m.denominator / sumN)} of the group's volume`;
				reasons.push(`peer rate ${pct(p0)} of the other ${g.providers - 1} providers (leave-one-out: ${why})`);
			}
			if (g.dispersion.applied) reasons.push(g.dispersion.model === 'additive' ? `additive over-dispersion tau² ${g.dispersion.tau2.toExponential(2)}` : `multiplicative over-dispersion phi ${g.dispersion.phi.toFixed(2)}`);
			reasons.push(
				percentile === null
					? 'no percentile'
					: belowLimit
						? `percentile ${pct(percentile)} ${lowPctOk ? '<=' : '>'} ${pct(1 - rule.percentile_threshold)} (low side)`
						: `percentile ${pct(percentile)} ${pctOk ? '>=' : '<'} ${pct(rule.percentile_threshold)}`
			);
			const lowOk = belowLimit && lowPctOk;
			if (lowOk && excess !== null && perService !== null && perService > 0) reasons.push(`under-coding: about ${Math.round(-excess)} fewer services than at the peer rate, ${pct(rate)} vs ${pct(p0 as number)} (revenue not billed about $${Math.round(-excess * perService).toLocaleString('en-US')}; not an overpayment)`);
			const high = bigGroup && volumeOk && funnelOk && pctOk;
			const low = bigGroup && volumeOk && lowOk;
			const flagged = high || low;
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
				tau2: g.dispersion.model === 'additive' ? g.dispersion.tau2 : null,
				dispersion_model: g.dispersion.model,
				excess_services: excess,
				dollars_at_risk: dollars === null ? null : Math.round(dollars * 100) / 100,
				direction,
				period_from: null,
				period_to: null,
				flagged,
				severity: high && f.z !== null ? severityOf(rule, f.z, dollars) : low && f.z !== null ? severityOf(rule, -f.z, 0) : 'none',
				reasons
			};
			rows.push(row);
			checks.push({ row, rule, bigGroup, volumeOk, pctOk, aboveLimit: funnelOk, lowOk, dollars });
		}
	}
	return { rows, groups, checks };
}
