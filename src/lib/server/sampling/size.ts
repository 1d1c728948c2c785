// Sample size for a request (variable from a probe sample or an expected error rate,
// attribute, or a preset): one function for the page, GET /api/samples/size and
// `claimlens sample-size`. The formulas are in src/lib/server/stats/sampling-size.ts.
import type { SizeRequest } from '../../schemas/sampling.ts';
import { attributeSize, presetSize, variableSize, variableSizeFromErrorRate, type SizeResult } from '../stats/sampling-size.ts';
import { SamplingError, type FrameAmounts } from './frames.ts';

/**
 * @param frame the frame's reported (paid) amounts, the defaults for a variable size from an
 *   error rate when the request does not give mean_reported / sd_reported
 * With error_rate, a variable request's `mean` and `sd` are those of the reported amounts (as
 * RAT-STATS asks for them); without it they are the probe sample's differences.
 */
export function computeSampleSize(req: SizeRequest, frame?: Pick<FrameAmounts, 'mean_paid' | 'sd_paid'>): SizeResult {
	try {
		if (req.type === 'attribute') return attributeSize(req);
		if (req.type === 'preset') return presetSize(req);
		if (req.error_rate !== undefined) {
			const mean = req.mean_reported ?? req.avg_error ?? req.mean ?? frame?.mean_paid;
			if (mean === undefined) throw new SamplingError('give mean_reported (the mean paid amount per unit) or choose a frame');
			const sd = req.sd_reported ?? req.sd ?? frame?.sd_paid ?? 0;
			return variableSizeFromErrorRate({ universe: req.universe, error_rate: req.error_rate, mean_reported: mean, sd_reported: sd, precision: req.precision, confidence: req.confidence });
		}
		if (req.mean !== undefined && req.sd !== undefined) return variableSize({ universe: req.universe, mean: req.mean, sd: req.sd, precision: req.precision, confidence: req.confidence });
		throw new SamplingError('a variable sample size needs the probe sample\'s mean and sd of differences, or an expected error_rate');
	} catch (e) {
		if (e instanceof SamplingError) throw e;
		throw new SamplingError((e as Error).message);
	}
}
