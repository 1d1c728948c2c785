// Sample-size calculators (pure), as RAT-STATS defines them (OIG RAT-STATS 2010 user guide;
// domain.md "Sampling and extrapolation").
//  - Variable (probe sample): n = (s N)^2 / ((E / z)^2 + N s^2), E = precision x mean x N,
//    z two-sided at the confidence, ROUNDED TO THE NEAREST UNIT as RAT-STATS does (not up).
//    s and mean are the probe sample's differences. This is Cochran's
//    n0 = (z s / (precision x mean))^2 with the finite-population correction.
//  - Variable from an expected error rate p, with the mean mu_R and SD sigma_R of the reported
//    (examined, paid) amounts: a unit in error is overpaid by its whole reported amount, so the
//    difference D = R x Bernoulli(p) has mean p mu_R and variance
//    E[D^2] - E[D]^2 = p (sigma_R^2 + mu_R^2) - p^2 mu_R^2 = p (sigma_R^2 + (1 - p) mu_R^2),
//    i.e. sigma_D = sqrt(p (sigma_R^2 + (1 - p) mu_R^2)); then the probe formula above.
//  - Attribute: RAT-STATS searches the sample size rather than using a normal approximation:
//    the smallest n for which the exact (hypergeometric) two-sided interval of a sample of n
//    with k = round(p n) errors has the requested width: half its width, (upper - lower) / 2
//    as rates, is at most the precision w. The interval is the one the appraisal reports
//    (appraisal-attribute.ts), so a sample of this size that finds the expected rate appraises
//    at the requested precision. The width is not monotone in n (k = round(p n) steps), so the
//    first n that meets it is returned, as a search from below finds it.
//  - Presets: OIG Self-Disclosure Protocol (2013, section IV.B.2: at least 100 items, simple
//    random, the mean point estimate as the repayment); OIG Corporate Integrity Agreement
//    claims review (Appendix B: discovery sample of 50; if its net error rate is >= 5%, a full
//    sample sized for 90% confidence and 25% precision from the discovery sample's SD).
import { zQuantile } from './appraisal.ts';
import { hypergeometricLimits } from './appraisal-attribute.ts';

export interface SizeResult {
	sample_size: number;
	/** unrounded value of the formula (the searched n for an attribute size; the preset's count) */
	exact: number;
	/** how the size was found: a formula rounded to the nearest unit, an exact search, or a preset's fixed count */
	basis: 'formula' | 'search' | 'preset';
	/** what a sample of this size is sized for: a dollar estimate, an error rate, or a preset count */
	target_basis: 'variable' | 'attribute' | 'preset';
	method: 'simple' | 'probe';
	formula: string;
	inputs: Record<string, number | string | null>;
	notes: string[];
}

const z2 = (confidence: number) => zQuantile(1 - (1 - confidence) / 2);

/** RAT-STATS rounds the formula to the nearest unit (half up); at least 2, at most N. */
function clampSize(exact: number, universe: number): number {
	return Math.min(universe, Math.max(2, Math.floor(exact + 0.5)));
}

export function variableSize(o: { universe: number; mean: number; sd: number; precision: number; confidence: number }): SizeResult {
	const { universe: N, mean, sd, precision, confidence } = o;
	if (!(mean !== 0)) throw new RangeError('the mean difference must not be 0: precision is relative to it');
	const z = z2(confidence);
	const E = precision * Math.abs(mean) * N;
	const exact = (sd * N) ** 2 / ((E / z) ** 2 + N * sd ** 2);
	return {
		sample_size: clampSize(exact, N),
		exact,
		basis: 'formula',
		target_basis: 'variable',
		method: 'simple',
		formula: 'n = (s·N)² / ((E/z)² + N·s²), E = precision × mean × N',
		inputs: { universe: N, mean, sd, precision, confidence, z, E },
		notes: []
	};
}

/**
 * Variable sample size from an expected error rate (no probe sample).
 * @param o.error_rate p in (0, 1): share of units expected in error
 * @param o.mean_reported mu_R, mean reported (paid) amount per unit, dollars
 * @param o.sd_reported sigma_R, SD of the reported amounts, dollars (0 when unknown: then the
 *   size is a lower bound, and a note says so)
 * @returns the probe formula with mean p mu_R and sigma_D = sqrt(p (sigma_R^2 + (1 - p) mu_R^2))
 *   (RAT-STATS 2010 user guide, variable sample size from an error rate)
 */
export function variableSizeFromErrorRate(o: { universe: number; error_rate: number; mean_reported: number; sd_reported: number; precision: number; confidence: number }): SizeResult {
	const p = o.error_rate;
	const muR = o.mean_reported;
	const sigmaR = o.sd_reported;
	if (!(muR > 0)) throw new RangeError('the mean reported amount must be above 0');
	const mean = p * muR;
	const sd = Math.sqrt(p * (sigmaR ** 2 + (1 - p) * muR ** 2));
	const r = variableSize({ universe: o.universe, mean, sd, precision: o.precision, confidence: o.confidence });
	const notes = ['No probe sample: each unit in error is taken as overpaid by its whole reported amount. Draw a probe sample of 30 or 50 and recompute when you can.'];
	if (sigmaR === 0) notes.push('The SD of the reported amounts is 0 (not given): the size is the smallest it could be. Give the frame\'s SD of paid amounts for the RAT-STATS size.');
	return {
		...r,
		formula: `${r.formula}; mean = p·μ_R, s = √(p(σ_R² + (1−p)μ_R²))`,
		inputs: { ...r.inputs, error_rate: p, mean_reported: muR, sd_reported: sigmaR },
		notes
	};
}

/** Does a sample of n with round(p n) errors appraise with a half-width of at most w at the confidence? */
export function attributeMeets(N: number, n: number, p: number, w: number, confidence: number): boolean {
	const k = Math.round(p * n);
	const { lower, upper } = hypergeometricLimits(N, n, k, (1 - confidence) / 2);
	// 1e-12: a half-width exactly at the requested precision counts as meeting it
	return (upper - lower) / N / 2 <= w + 1e-12;
}

/**
 * Attribute sample size, RAT-STATS style: the smallest n in 1..N whose exact hypergeometric
 * two-sided interval (at `confidence`, for k = round(p n) errors) has a half-width of at most
 * `precision`. Searched upward, so the first n that meets it is returned; the search starts at
 * half the normal approximation's size (no smaller n met it in a grid of N 50..20,000, p 1..50%,
 * w 2..10 points, 80/90/95%: tests/unit/sampling-size.test.ts) to keep large universes quick.
 * @param o.error_rate expected (anticipated) rate p in (0, 1)
 * @param o.precision w, half the interval width, as a proportion (0.05 = +/- 5 points)
 */
export function attributeSize(o: { universe: number; error_rate: number; precision: number; confidence: number }): SizeResult {
	const { universe: N, error_rate: p, precision: w, confidence } = o;
	const z = z2(confidence);
	const n0 = (z * z * p * (1 - p)) / (w * w);
	const normal = Math.min(N, Math.ceil(n0 / (1 + (n0 - 1) / N)));
	let n = Math.max(1, Math.floor(n0 / (1 + (n0 - 1) / N) / 2));
	while (n < N && !attributeMeets(N, n, p, w, confidence)) n++;
	return {
		sample_size: Math.max(Math.min(2, N), n),
		exact: n,
		basis: 'search',
		target_basis: 'attribute',
		method: 'simple',
		formula: 'smallest n whose exact hypergeometric interval for round(p·n) errors is at most ± w wide',
		inputs: { universe: N, error_rate: p, precision: w, confidence, normal_approximation: normal },
		notes: [`Exact (hypergeometric) search, as RAT-STATS; the normal approximation would give ${normal}.`]
	};
}

export type Preset = 'oig-sdp' | 'cia-discovery' | 'cia-full';

export function presetSize(o: { preset: Preset; universe: number; mean?: number; sd?: number; net_error_rate?: number }): SizeResult {
	const N = o.universe;
	if (o.preset === 'oig-sdp') {
		return {
			sample_size: Math.min(N, 100),
			exact: 100,
			basis: 'preset',
			target_basis: 'preset',
			method: 'simple',
			formula: 'OIG Self-Disclosure Protocol: at least 100 sample items, simple random',
			inputs: { universe: N },
			notes: ['Repay the mean point estimate (not a lower limit).', ...(N < 100 ? ['The universe is under 100 units: review all of them.'] : [])]
		};
	}
	if (o.preset === 'cia-discovery') {
		return {
			sample_size: Math.min(N, 50),
			exact: 50,
			basis: 'preset',
			target_basis: 'preset',
			method: 'probe',
			formula: 'CIA claims review: discovery sample of 50 paid claims, simple random',
			inputs: { universe: N },
			notes: ['If the discovery sample\'s net error rate is 5% or more, draw a full sample (preset cia-full) sized from its mean and SD.']
		};
	}
	if (o.mean === undefined || o.sd === undefined) throw new RangeError('cia-full needs the discovery sample\'s mean and SD of differences');
	const r = variableSize({ universe: N, mean: o.mean, sd: o.sd, precision: 0.25, confidence: 0.9 });
	const notes = ['CIA full sample: 90% confidence, 25% precision, from the discovery sample.'];
	if (o.net_error_rate !== undefined && o.net_error_rate < 0.05) notes.push(`The discovery sample's net error rate (${(o.net_error_rate * 100).toFixed(1)}%) is under 5%: the CIA does not require a full sample.`);
	return { ...r, notes };
}
