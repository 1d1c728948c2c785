// Sample-size calculators (pure), per domain.md "Sampling and extrapolation".
//  - Variable (probe sample): n = (s N)^2 / ((E / z)^2 + N s^2), E = precision x mean x N,
//    z two-sided at the confidence. s and mean are the probe sample's differences. This is
//    Cochran's n0 = (z s / (precision x mean))^2 with the finite-population correction.
//  - Variable from an expected error rate p when there is no probe: each unit is in error
//    with probability p and then overpaid by about a (default: the frame's mean paid, i.e. a
//    full denial), so the difference has mean p a and SD a sqrt(p (1 - p)).
//  - Attribute: n0 = z^2 p (1 - p) / w^2 for expected rate p and precision w (half the
//    interval width), corrected for the finite universe: n = n0 / (1 + (n0 - 1) / N).
//  - Presets: OIG Self-Disclosure Protocol (2013, section IV.B.2: at least 100 items, simple
//    random, the mean point estimate as the repayment); OIG Corporate Integrity Agreement
//    claims review (Appendix B: discovery sample of 50; if its net error rate is >= 5%, a full
//    sample sized for 90% confidence and 25% precision from the discovery sample's SD).
import { zQuantile } from './appraisal.ts';

export interface SizeResult {
	sample_size: number;
	/** unrounded value of the formula */
	exact: number;
	method: 'simple' | 'probe';
	formula: string;
	inputs: Record<string, number | string | null>;
	notes: string[];
}

const z2 = (confidence: number) => zQuantile(1 - (1 - confidence) / 2);

function clampSize(exact: number, universe: number): number {
	return Math.min(universe, Math.max(2, Math.ceil(exact - 1e-9)));
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
		method: 'simple',
		formula: 'n = (s·N)² / ((E/z)² + N·s²), E = precision × mean × N',
		inputs: { universe: N, mean, sd, precision, confidence, z, E },
		notes: []
	};
}

export function variableSizeFromErrorRate(o: { universe: number; error_rate: number; avg_error: number; precision: number; confidence: number }): SizeResult {
	const p = o.error_rate;
	const mean = p * o.avg_error;
	const sd = o.avg_error * Math.sqrt(p * (1 - p));
	const r = variableSize({ universe: o.universe, mean, sd, precision: o.precision, confidence: o.confidence });
	return {
		...r,
		formula: `${r.formula}; mean = p·a, s = a·√(p(1−p))`,
		inputs: { ...r.inputs, error_rate: p, avg_error: o.avg_error },
		notes: ['No probe sample: the SD assumes each unit in error is overpaid by about the average error amount. Draw a probe sample of 30 or 50 and recompute when you can.']
	};
}

export function attributeSize(o: { universe: number; error_rate: number; precision: number; confidence: number }): SizeResult {
	const { universe: N, error_rate: p, precision: w, confidence } = o;
	const z = z2(confidence);
	const n0 = (z * z * p * (1 - p)) / (w * w);
	const exact = n0 / (1 + (n0 - 1) / N);
	return {
		sample_size: clampSize(exact, N),
		exact,
		method: 'simple',
		formula: 'n₀ = z²·p(1−p)/w², n = n₀ / (1 + (n₀ − 1)/N)',
		inputs: { universe: N, error_rate: p, precision: w, confidence, z, n0 },
		notes: ['Normal approximation; the appraisal itself uses the exact hypergeometric interval, which is a little wider near 0% or 100%.']
	};
}

export type Preset = 'oig-sdp' | 'cia-discovery' | 'cia-full';

export function presetSize(o: { preset: Preset; universe: number; mean?: number; sd?: number; net_error_rate?: number }): SizeResult {
	const N = o.universe;
	if (o.preset === 'oig-sdp') {
		return {
			sample_size: Math.min(N, 100),
			exact: 100,
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
