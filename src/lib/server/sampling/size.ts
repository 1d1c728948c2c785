// Sample size for a request (variable from a probe sample or an expected error rate,
// attribute, or a preset): one function for the page, GET /api/samples/size and
// `claimlens sample-size`. The formulas are in src/lib/server/stats/sampling-size.ts.
import type { SizeRequest } from '../../schemas/sampling.ts';
import { attributeSize, presetSize, variableSize, variableSizeFromErrorRate, type SizeResult } from '../stats/sampling-size.ts';
import { SamplingError } from './frames.ts';

export function computeSampleSize(req: SizeRequest, frameMeanPaid?: number): SizeResult {
	try {
		if (req.type === 'attribute') return attributeSize(req);
		if (req.type === 'preset') return presetSize(req);
		if (req.mean !== undefined && req.sd !== undefined) return variableSize({ universe: req.universe, mean: req.mean, sd: req.sd, precision: req.precision, confidence: req.confidence });
		if (req.error_rate !== undefined) {
			const avg = req.avg_error ?? frameMeanPaid;
			if (avg === undefined) throw new SamplingError('give avg_error (the typical overpayment of a unit in error)');
			return variableSizeFromErrorRate({ universe: req.universe, error_rate: req.error_rate, avg_error: avg, precision: req.precision, confidence: req.confidence });
		}
		throw new SamplingError('a variable sample size needs the probe sample\'s mean and sd of differences, or an expected error_rate');
	} catch (e) {
		if (e instanceof SamplingError) throw e;
		throw new SamplingError((e as Error).message);
	}
}
