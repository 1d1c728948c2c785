// Columns of the flags CSV download (same names as the JSON fields).
export const flagCsvColumns = [
	'rule_id', 'kind', 'title', 'provider_npi', 'provider_name', 'specialty', 'peer_group', 'peer_count',
	'numerator', 'denominator', 'rate', 'peer_rate', 'peer_median', 'percentile', 'z', 'p_value', 'q_value', 'upper_limit', 'phi', 'tau2', 'dispersion_model',
	'excess_services', 'dollars_at_risk', 'direction', 'period_from', 'period_to', 'flagged', 'severity', 'findings', 'claim_ids', 'reasons'
];
