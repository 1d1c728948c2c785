-- The data version the denial facts are built for: changes with every successful claims or
-- remittance import (the only kinds that feed denial_lines) and with any change in the number
-- of claim or remittance lines. No parameters.
-- Columns: version
-- 'p': facts carry the rendering provider (facts built before are rebuilt once).
SELECT concat_ws(':', 'p',
	(SELECT coalesce(max(import_id), 0) FROM imports WHERE status = 'succeeded' AND kind IN ('claims', 'remittance')),
	(SELECT count(*) FROM imports WHERE status = 'succeeded' AND kind IN ('claims', 'remittance')),
	(SELECT count(*) FROM claim_lines),
	(SELECT count(*) FROM remit_lines)) AS version;
