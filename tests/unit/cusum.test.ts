// Bernoulli CUSUM on a short sequence computed by hand (natural logs to 7 places):
// p0 = 0.2, R_A = 2: d = 1 - 0.2 + 0.4 = 1.2; w1 = ln(2 / 1.2) = ln(1.6666667) = 0.5108256;
// w0 = ln(1 / 1.2) = -0.1823216.
//   month 1: x 10 of n 20: W = 5.108256 - 1.823216 = 3.285040;   S = 3.285040
//   month 2: x 2 of 20:    W = 1.021651 - 3.281789 = -2.260138;  S = 1.024902
//   month 3: x 12 of 20:   W = 6.129907 - 1.458573 = 4.671334;   S = 5.696236 >= 5: signal, restart
// (to 7 places the sums give 1.024904 and 5.696239)
//   month 4: x 0 of 0:     nothing;                                       S = 0
import { describe, expect, it } from 'vitest';
import { bernoulliCusum, cusumWeights } from '../../src/lib/server/stats/cusum.ts';

describe('Bernoulli CUSUM (Steiner et al. 2000, without risk adjustment)', () => {
	it('weights', () => {
		const w = cusumWeights(0.2, 2);
		expect(w.w1).toBeCloseTo(0.510826, 6);
		expect(w.w0).toBeCloseTo(-0.182322, 6);
		// the lower chart (odds halved): d = 0.8 + 0.1 = 0.9; w1 = ln(0.5 / 0.9) = -0.587787; w0 = ln(1 / 0.9) = 0.105361
		const l = cusumWeights(0.2, 0.5);
		expect(l.w1).toBeCloseTo(-0.587787, 6);
		expect(l.w0).toBeCloseTo(0.105361, 6);
	});
	it('accumulates, floors at zero, signals at h and restarts', () => {
		const pts = bernoulliCusum([
			{ month: '2025-01', x: 10, n: 20, p0: 0.2 },
			{ month: '2025-02', x: 2, n: 20, p0: 0.2 },
			{ month: '2025-03', x: 12, n: 20, p0: 0.2 },
			{ month: '2025-04', x: 0, n: 0, p0: 0.2 }
		]);
		expect(pts.map((p) => p.signal)).toEqual([false, false, true, false]);
		expect(pts[0]?.s).toBeCloseTo(3.28504, 5);
		expect(pts[1]?.s).toBeCloseTo(1.024904, 5);
		expect(pts[2]?.s).toBeCloseTo(5.696239, 5);
		expect(pts[3]?.s).toBe(0);
	});
	it('never goes below zero, and h is a bound reached from below (S = h signals)', () => {
		expect(bernoulliCusum([{ month: '2025-01', x: 0, n: 50, p0: 0.2 }])[0]?.s).toBe(0);
		// one numerator service scores exactly w1: at h = w1 the chart signals, just above it does not
		const w1 = cusumWeights(0.2, 2).w1;
		expect(bernoulliCusum([{ month: '2025-01', x: 1, n: 1, p0: 0.2 }], 2, w1)[0]?.signal).toBe(true);
		expect(bernoulliCusum([{ month: '2025-01', x: 1, n: 1, p0: 0.2 }], 2, w1 + 1e-9)[0]?.signal).toBe(false);
	});
});
