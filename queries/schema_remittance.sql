-- Denials and X12 835 remittance (issue "Denial analytics"). Runs after schema.sql at every
-- open: idempotent (CREATE ... IF NOT EXISTS, CREATE OR REPLACE for views and macros).
-- Definitions: shared/guide/domain.md "Denials"; README "Denials" states them for users.

-- One row per 835 transaction set (ST..SE): the payment (BPR), its trace (TRN), payer and
-- payee, and the provider-level adjustments (PLB) that reconcile BPR02 with the claims.
CREATE TABLE IF NOT EXISTS remit_payments (
	import_id                  INTEGER NOT NULL,
	transaction_seq            INTEGER NOT NULL,  -- 1, 2, ... in file order
	control_number             VARCHAR,           -- ST02
	payer_name                 VARCHAR,           -- N1*PR N102
	payer_id                   VARCHAR,           -- N1*PR N104
	payee_name                 VARCHAR,           -- N1*PE N102
	payee_npi                  VARCHAR,           -- N1*PE N104 when N103 = XX
	payment_amount             DECIMAL(14,2),     -- BPR02
	credit_debit               VARCHAR,           -- BPR03 (C credit, D debit)
	payment_method             VARCHAR,           -- BPR04 (ACH, CHK, NON, ...)
	payment_date               DATE,              -- BPR16
	trace_number               VARCHAR,           -- TRN02 (check or EFT trace number)
	claim_payments             INTEGER,           -- CLP loops in the transaction
	claim_paid_total           DECIMAL(14,2),     -- sum of CLP04
	provider_adjustment_total  DECIMAL(14,2)      -- sum of PLB amounts (BPR02 = claims paid - PLB)
);

-- One row per claim payment loop (CLP). claim_id = CLP01, the claim id the provider sent.
CREATE TABLE IF NOT EXISTS remit_claims (
	import_id               INTEGER NOT NULL,
	transaction_seq         INTEGER NOT NULL,
	claim_seq               INTEGER NOT NULL,  -- 1, 2, ... in file order (unique per import)
	claim_id                VARCHAR NOT NULL,  -- CLP01
	status_code             VARCHAR,           -- CLP02 (1 primary, 4 denied, 22 reversal, ...)
	charge_amount           DECIMAL(14,2),     -- CLP03
	paid_amount             DECIMAL(14,2),     -- CLP04
	patient_responsibility  DECIMAL(14,2),     -- CLP05
	filing_indicator        VARCHAR,           -- CLP06
	payer_claim_id          VARCHAR,           -- CLP07 (payer's control number)
	patient_id              VARCHAR,           -- NM1*QC NM109 (PHI)
	rendering_npi           VARCHAR,           -- NM1*82 NM109 when NM108 = XX
	service_date_from       DATE,              -- DTM*232
	service_date_to         DATE,              -- DTM*233
	remark_codes            VARCHAR[] NOT NULL, -- MOA/MIA remark codes
	payer_name              VARCHAR,
	payment_date            DATE
);

-- One row per service line (SVC); a claim payment with no SVC gets one claim-level row
-- (line_seq 0, procedure_code NULL) so a whole-claim denial is not lost.
-- line_status: 'denied' when paid 0 with a CO/PR/OA/PI adjustment (domain.md), 'partial' when
-- paid with a denial-reason adjustment, 'reversed' for reversals (CLP02 = 22) and
-- 'predetermination' (CLP02 = 25), both left out of denial rates; otherwise 'paid'.
CREATE TABLE IF NOT EXISTS remit_lines (
	import_id                 INTEGER NOT NULL,
	claim_seq                 INTEGER NOT NULL,
	line_seq                  INTEGER NOT NULL,  -- 1, 2, ... within the claim payment; 0 = claim level
	claim_id                  VARCHAR NOT NULL,  -- CLP01
	line_number               INTEGER,           -- REF*6R when a whole number, else line_seq
	line_control              VARCHAR,           -- REF*6R as sent
	procedure_code            VARCHAR,           -- SVC01-2
	modifiers                 VARCHAR[] NOT NULL, -- SVC01-3..6
	submitted_procedure_code  VARCHAR,           -- SVC06-2 when the payer changed the code
	charge_amount             DECIMAL(14,2),     -- SVC02
	paid_amount               DECIMAL(14,2),     -- SVC03
	units                     DOUBLE,            -- SVC05 (default 1)
	allowed_amount            DECIMAL(14,2),     -- AMT*B6
	service_date              DATE,              -- DTM*472 (or 150), else the claim's DTM*232
	adjustment_codes          VARCHAR[] NOT NULL, -- CAS group-CARC, e.g. CO-97, in file order
	remark_codes              VARCHAR[] NOT NULL, -- LQ*HE
	line_status               VARCHAR NOT NULL,
	payer_name                VARCHAR,
	payee_npi                 VARCHAR,
	rendering_npi             VARCHAR,
	patient_id                VARCHAR,
	payment_date              DATE
);

-- One row per CAS adjustment (group, CARC, amount). line_seq NULL = claim-level adjustment.
CREATE TABLE IF NOT EXISTS remit_adjustments (
	import_id   INTEGER NOT NULL,
	claim_seq   INTEGER NOT NULL,
	line_seq    INTEGER,
	group_code  VARCHAR NOT NULL,   -- CO, PR, OA, PI
	carc        VARCHAR NOT NULL,
	amount      DECIMAL(14,2) NOT NULL,
	quantity    DOUBLE
);

-- Provider-level adjustments (PLB), one row per reason/amount pair.
CREATE TABLE IF NOT EXISTS remit_provider_adjustments (
	import_id        INTEGER NOT NULL,
	transaction_seq  INTEGER NOT NULL,
	provider_id      VARCHAR,
	period_end       DATE,
	reason_code      VARCHAR NOT NULL,   -- e.g. WO, L6, FB (the identifier before any ':')
	reference        VARCHAR,
	amount           DECIMAL(14,2) NOT NULL
);

-- Group code and CARC of an adjustment code as exports write it: 'CO-97', 'CO97', 'co 97',
-- bare '97' (no group). Anything else gives carc '' (listed as unknown).
CREATE OR REPLACE MACRO denial_code_norm(code) AS upper(replace(trim(code), ' ', ''));
CREATE OR REPLACE MACRO denial_code_group(code) AS
	regexp_extract(denial_code_norm(code), '^(CO|PR|OA|PI|CR)-?[A-Z]?[0-9]{1,3}$', 1);
CREATE OR REPLACE MACRO denial_code_carc(code) AS
	regexp_extract(denial_code_norm(code), '^(?:(?:CO|PR|OA|PI|CR)-?)?([A-Z]?[0-9]{1,3})$', 1);
CREATE OR REPLACE MACRO denial_code_display(code) AS
	CASE WHEN denial_code_carc(code) = '' THEN denial_code_norm(code)
		WHEN denial_code_group(code) = '' THEN denial_code_carc(code)
		ELSE denial_code_group(code) || '-' || denial_code_carc(code) END;

-- Every claim line with its adjudication, from both sources (domain.md "Denials"):
--   * imported claim lines; when an 835 service line matches one (same claim id = CLP01,
--     line number = REF*6R or the SVC position, and procedure code), the latest such 835 line
--     (payment date, then import) gives the status, codes and paid amount: the payer's word;
--   * 835 service lines that match no claim line, as their own rows. Their specialty is the
--     rendering (else payee) NPI's specialty in the claim data, else '(not in claim data)'.
-- claim_key identifies a claim for counting: the claim id (CLP01 for 835 rows).
-- Whether an 835 line (already joined on claim id = CLP01) adjudicates a claim line: a service
-- line (line_seq > 0) its own line (line number, and procedure code as submitted); a claim-level
-- payment (line_seq 0: a CLP without SVC) every line of the claim. The one matching rule, used by
-- denial_lines, remit_matched_lines.sql and remit_summary.sql.
CREATE OR REPLACE MACRO remit_line_matches(r_line_seq, r_line_number, r_code, r_submitted_code, c_line_number, c_code) AS
	r_line_seq = 0 OR (c_line_number = r_line_number AND c_code = coalesce(r_submitted_code, r_code));

CREATE OR REPLACE VIEW denial_lines AS
WITH matched AS (
	-- a service line adjudicates its claim line; a claim-level payment (CLP without SVC,
	-- line_seq 0) adjudicates every line of its claim: denied, each line is paid 0; paid, each
	-- line keeps its own paid amount (the 835 does not split it)
	SELECT r.import_id, r.claim_seq, r.line_seq, c.claim_id, c.line_number,
		r.line_status, r.adjustment_codes, r.remark_codes,
		CASE WHEN r.line_seq > 0 THEN r.paid_amount WHEN r.paid_amount = 0 THEN 0 ELSE c.paid_amount END AS paid_amount,
		r.payment_date
	FROM remit_lines r
	JOIN claim_lines c ON c.claim_id = r.claim_id
		AND remit_line_matches(r.line_seq, r.line_number, r.procedure_code, r.submitted_procedure_code, c.line_number, c.procedure_code)
),
latest AS (
	SELECT * FROM matched
	QUALIFY row_number() OVER (PARTITION BY claim_id, line_number
		ORDER BY payment_date DESC NULLS LAST, import_id DESC, claim_seq DESC, line_seq DESC) = 1
),
npi_specialty AS (
	SELECT rendering_npi, arg_max(specialty, services) AS specialty
	FROM provider_services WHERE source = 'claims' GROUP BY rendering_npi
)
SELECT
	CASE WHEN l.claim_id IS NULL THEN 'claims' ELSE 'claims+835' END AS source,
	c.import_id, c.claim_id AS claim_key, c.claim_id, c.line_number, c.patient_id, c.rendering_npi,
	c.provider_name, c.specialty, c.payer, c.service_date, c.procedure_code, c.modifiers, c.units,
	c.charge_amount, c.allowed_amount,
	CASE WHEN l.claim_id IS NULL THEN c.paid_amount ELSE l.paid_amount END AS paid_amount,
	CASE WHEN l.claim_id IS NULL THEN c.line_status ELSE l.line_status END AS line_status,
	CASE WHEN l.claim_id IS NULL THEN c.denial_codes ELSE l.adjustment_codes END AS denial_codes,
	coalesce(l.remark_codes, []::VARCHAR[]) AS remark_codes
FROM claim_lines c
LEFT JOIN latest l ON l.claim_id = c.claim_id AND l.line_number = c.line_number
UNION ALL
SELECT
	'835' AS source,
	r.import_id, r.claim_id AS claim_key, r.claim_id, r.line_number, r.patient_id,
	coalesce(r.rendering_npi, r.payee_npi) AS rendering_npi, NULL AS provider_name,
	coalesce(s1.specialty, s2.specialty, '(not in claim data)') AS specialty,
	r.payer_name AS payer, r.service_date, coalesce(r.procedure_code, '(claim level)') AS procedure_code,
	r.modifiers, r.units::INTEGER AS units, r.charge_amount, r.allowed_amount, r.paid_amount, r.line_status,
	r.adjustment_codes AS denial_codes, r.remark_codes
FROM remit_lines r
ANTI JOIN matched m ON m.import_id = r.import_id AND m.claim_seq = r.claim_seq AND m.line_seq = r.line_seq
LEFT JOIN npi_specialty s1 ON s1.rendering_npi = r.rendering_npi
LEFT JOIN npi_specialty s2 ON s2.rendering_npi = r.payee_npi;

-- Facts for the denial analytics, rebuilt from denial_lines whenever the data changes
-- (src/lib/server/denials/facts.ts, keyed by denial_facts_meta.version). They do not depend on
-- the denial definition, so every definition is answered from these small tables:
--   denial_code_sets    each distinct code list found on denied lines, numbered
--   denial_line_facts   adjudicated lines and charges per month of service x specialty x payer
--                       x procedure code x code set (0 = not denied)
--   denial_claim_facts  adjudicated claims per month x specialty x payer x the code sets of
--                       their denied lines. A claim counts once: in the month of its earliest
--                       date of service, and the specialty and payer of its first line.
CREATE TABLE IF NOT EXISTS denial_code_sets (
	set_id        INTEGER NOT NULL,
	line_status   VARCHAR NOT NULL,   -- always 'denied' (part of the join key)
	denial_codes  VARCHAR[] NOT NULL
);
CREATE TABLE IF NOT EXISTS denial_line_facts (
	month           VARCHAR NOT NULL,   -- YYYY-MM of the line's date of service, or '(no date)'
	specialty       VARCHAR NOT NULL,
	payer           VARCHAR NOT NULL,   -- '(no payer)' when empty
	procedure_code  VARCHAR NOT NULL,
	set_id          INTEGER NOT NULL,   -- denial_code_sets.set_id, 0 = paid or partial
	lines           BIGINT NOT NULL,
	charges         DECIMAL(38,2) NOT NULL
);
CREATE TABLE IF NOT EXISTS denial_claim_facts (
	month      VARCHAR NOT NULL,
	specialty  VARCHAR NOT NULL,
	payer      VARCHAR NOT NULL,
	set_ids    INTEGER[] NOT NULL,      -- sorted code sets of the claim's denied lines
	claims     BIGINT NOT NULL
);
-- the rendering provider of each fact (Denials' provider filter); added last, so INSERT ... SELECT
-- lists it last; facts built before it have none and are rebuilt (facts_version.sql)
ALTER TABLE denial_line_facts ADD COLUMN IF NOT EXISTS provider_npi VARCHAR;
ALTER TABLE denial_claim_facts ADD COLUMN IF NOT EXISTS provider_npi VARCHAR;
CREATE TABLE IF NOT EXISTS denial_facts_meta (
	version     VARCHAR NOT NULL,
	built_at    TIMESTAMP NOT NULL,
	seconds     DOUBLE
);

-- Each code set under one denial definition:
--   excluded         VARCHAR[]  categories the user excludes (e.g. ['duplicate'])
--   carc_codes       VARCHAR[]  the project's CARC table (carc-categories.ts): codes ...
--   carc_categories  VARCHAR[]  ... and their categories, in the same order
-- Reason codes: CO/PR/OA/PI (or group-less) codes other than payment adjustments (category
-- 'adjustment': CO-45 contractual, PR-1/2/3 patient share, ...); unknown codes are 'other'.
-- counted: the set still counts as denied, i.e. not every reason code is in an excluded
-- category (a set without reason codes has the single category 'other').
-- category: of its first reason code not excluded; carcs: its reason codes not excluded
-- (['(no reason code)'] when it has none).
CREATE OR REPLACE MACRO denial_set_outcome(excluded, carc_codes, carc_categories) AS TABLE
WITH carc_table AS (
	SELECT unnest(carc_codes) AS carc, unnest(carc_categories) AS category
),
set_codes AS (
	SELECT u.set_id, u.pos, denial_code_display(u.code) AS code, denial_code_group(u.code) AS grp,
		coalesce(t.category, 'other') AS category
	FROM (SELECT set_id, unnest(denial_codes) AS code, generate_subscripts(denial_codes, 1) AS pos FROM denial_code_sets) u
	LEFT JOIN carc_table t ON t.carc = denial_code_carc(u.code)
),
reasons AS (
	SELECT * FROM set_codes WHERE grp IN ('', 'CO', 'PR', 'OA', 'PI') AND category <> 'adjustment'
),
per_set AS (
	SELECT s.set_id,
		count(r.pos) AS n_reasons,
		count(r.pos) FILTER (WHERE NOT list_contains(excluded, r.category)) AS n_kept,
		arg_min(r.category, r.pos) FILTER (WHERE NOT list_contains(excluded, r.category)) AS first_kept,
		list(DISTINCT r.code) FILTER (WHERE NOT list_contains(excluded, r.category)) AS kept_codes
	FROM denial_code_sets s LEFT JOIN reasons r ON r.set_id = s.set_id
	GROUP BY s.set_id
)
SELECT set_id,
	CASE WHEN n_reasons = 0 THEN NOT list_contains(excluded, 'other') ELSE n_kept > 0 END AS counted,
	CASE WHEN n_reasons = 0 THEN 'other' ELSE first_kept END AS category,
	CASE WHEN n_reasons = 0 THEN ['(no reason code)'] ELSE list_sort(kept_codes) END AS carcs
FROM per_set;

-- Adjudicated lines (paid, denied or partial) of denial_lines scored under one definition
-- (parameters as denial_set_outcome): denied = status 'denied' and its code set counted;
-- category and carcs as denial_set_outcome (NULL and [] when not denied).
CREATE OR REPLACE MACRO denial_scored(excluded, carc_codes, carc_categories) AS TABLE
SELECT b.*,
	coalesce(o.counted, false) AS denied,
	CASE WHEN o.counted THEN o.category END AS category,
	CASE WHEN o.counted THEN o.carcs ELSE []::VARCHAR[] END AS carcs
FROM denial_lines b
LEFT JOIN denial_code_sets s ON s.line_status = b.line_status AND s.denial_codes = b.denial_codes
LEFT JOIN denial_set_outcome(excluded, carc_codes, carc_categories) o ON o.set_id = s.set_id
WHERE b.line_status IN ('paid', 'denied', 'partial');

-- Denial counts per month x specialty x payer under one definition (parameters as
-- denial_set_outcome), from the facts: claims by the claim's month, specialty and payer (each
-- claim once), lines and charges by the line's own. Every rate rolls these cells up.
CREATE OR REPLACE MACRO denial_cells(excluded, carc_codes, carc_categories) AS TABLE
WITH outcome AS (
	SELECT * FROM denial_set_outcome(excluded, carc_codes, carc_categories)
),
counted AS (
	SELECT coalesce(list(set_id) FILTER (WHERE counted), []::INTEGER[]) AS ids FROM outcome
),
claim_cells AS (
	SELECT f.month, f.specialty, f.payer, sum(f.claims) AS claims,
		coalesce(sum(f.claims) FILTER (WHERE list_has_any(f.set_ids, counted.ids)), 0) AS denied_claims
	FROM denial_claim_facts f CROSS JOIN counted
	GROUP BY f.month, f.specialty, f.payer
),
line_cells AS (
	SELECT f.month, f.specialty, f.payer, sum(f.lines) AS lines,
		coalesce(sum(f.lines) FILTER (WHERE o.counted), 0) AS denied_lines,
		sum(f.charges) AS charges,
		coalesce(sum(f.charges) FILTER (WHERE o.counted), 0) AS denied_charges
	FROM denial_line_facts f LEFT JOIN outcome o ON o.set_id = f.set_id
	GROUP BY f.month, f.specialty, f.payer
)
SELECT month, specialty, payer,
	coalesce(c.claims, 0) AS claims, coalesce(c.denied_claims, 0) AS denied_claims,
	coalesce(l.lines, 0) AS lines, coalesce(l.denied_lines, 0) AS denied_lines,
	coalesce(l.charges, 0) AS charges, coalesce(l.denied_charges, 0) AS denied_charges
FROM claim_cells c FULL JOIN line_cells l USING (month, specialty, payer);
