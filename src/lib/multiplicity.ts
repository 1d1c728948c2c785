// The "flags by chance" sentence of the Risk flags page and `claimlens flags` (shared by server
// and browser). An evaluation runs m provider-rule tests; at z > 3.09 each passes with
// probability 1 - Phi(3.09) = 0.001 when the provider does not differ from its peers, so about
// m x 0.001 rows pass by chance (Jones, Ohlssen & Spiegelhalter, J Clin Epidemiol 2008).

export interface Multiplicity {
	flag_rule: 'z' | 'fdr';
	/** the q-value threshold of the fdr flag rule */
	q_threshold: number;
	/** m: peer-rule rows with a z (the Benjamini-Hochberg denominator) */
	tests: number;
	/** rows expected past the z threshold when no provider truly differs: sum of 1 - Phi(threshold) */
	expected_chance: number;
}

/** 28 -> "28", 2.8 -> "2.8", 0.012 -> "0.012". */
export function fmtExpected(n: number): string {
	if (n >= 10) return String(Math.round(n));
	if (n >= 1) return n.toFixed(1);
	return String(Number(n.toPrecision(2)));
}

export function chanceSentence(m: Multiplicity): string {
	if (m.tests === 0) return '';
	const tests = m.tests.toLocaleString('en-US');
	const n = fmtExpected(m.expected_chance);
	const how = Math.abs(m.expected_chance - m.tests * 0.001) < 1e-9 * m.tests ? `${tests} × 0.001` : "the sum of each rule's one-sided tail";
	if (m.flag_rule === 'fdr') {
		return `Flag rule: Benjamini-Hochberg q ≤ ${m.q_threshold} across ${tests} provider-rule tests, so at most about ${Math.round(m.q_threshold * 100)}% of the flags are expected to be false discoveries (the z > 3.09 rule would expect about ${n} flags by chance).`;
	}
	return `Chance alone would produce about ${n} flag${n === '1' ? '' : 's'} across these ${tests} provider-rule tests (${how}: the chance a test passes z > 3.09 when the provider does not differ from its peers); q, the Benjamini-Hochberg false discovery rate, is shown beside z.`;
}
