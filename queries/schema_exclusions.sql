-- Exclusion screening (issue 13): the OIG LEIE and SAM.gov exclusion lists the user loads, the
-- decisions people make about name matches, and the views that screen every provider in the
-- claims and the roster against them. Run at every open (idempotent).

-- One row per list record, both lists in one table (`list` tags the kind). Dates are the list's
-- own: exclusion (LEIE EXCLDATE, SAM Active Date), reinstatement (LEIE REINDATE, SAM Termination
-- Date), waiver (LEIE WAIVERDATE). LEIE's placeholders (00000000, 0000000000) load as NULL.
CREATE TABLE IF NOT EXISTS exclusion_rows (
	list             VARCHAR,
	import_id        INTEGER,
	last_name        VARCHAR,
	first_name       VARCHAR,
	middle_name      VARCHAR,
	business_name    VARCHAR,
	general          VARCHAR,
	specialty        VARCHAR,
	npi              VARCHAR,
	dob              DATE,
	address          VARCHAR,
	city             VARCHAR,
	state            VARCHAR,
	zip              VARCHAR,
	excl_type        VARCHAR,
	excl_date        DATE,
	rein_date        DATE,
	waiver_date      DATE,
	waiver_state     VARCHAR,
	import_problems  VARCHAR[] DEFAULT []
);

-- A person's decision on a name match: confirmed or dismissed, for one list record (record_key)
-- and one provider; the newest decision of a pair stands. Also written to the audit trail.
CREATE TABLE IF NOT EXISTS exclusion_decisions (
	record_key    VARCHAR NOT NULL,
	provider_npi  VARCHAR NOT NULL,
	status        VARCHAR NOT NULL,   -- confirmed | dismissed
	decided_by    VARCHAR,
	decided_at    TIMESTAMP NOT NULL,
	note          VARCHAR
);

-- The roster may carry the provider's practice state: name matches are blocked by state.
ALTER TABLE provider_roster ADD COLUMN IF NOT EXISTS state VARCHAR;

-- Name normalisation: upper case, apostrophes dropped (O'Brien = OBRIEN on both sides), every
-- other non-letter a space, single spaces; then the words without generational suffixes and
-- credentials (JR, III, MD, NP, ...), which lists and claim exports write differently. DO is
-- also a surname (Minh Do): it is dropped only as a trailing credential after a full name
-- (exclusion_provider_names).
CREATE OR REPLACE MACRO excl_norm(s) AS
	trim(regexp_replace(regexp_replace(replace(replace(upper(coalesce(s, '')), '''', ''), '’', ''), '[^A-Z ]', ' ', 'g'), ' +', ' ', 'g'));
CREATE OR REPLACE MACRO excl_words(s) AS
	list_filter(string_split(excl_norm(s), ' '), w -> w <> '' AND w NOT IN (
		'JR', 'SR', 'II', 'III', 'IV', 'V', 'MD', 'PHD', 'NP', 'PA', 'PAC', 'RN', 'LPN', 'DDS', 'DMD', 'DPM', 'OD', 'DC',
		'PT', 'OT', 'MS', 'MPH', 'MBA', 'CRNA', 'LCSW', 'LMFT', 'APRN', 'FNP', 'CNM', 'DNP', 'PHARMD', 'RPH', 'DR', 'MR', 'MRS', 'MS', 'FACS', 'FACP'));
-- A valid NPI: ten digits whose last is the Luhn check digit over 80840 + the first nine (CMS,
-- "Requirements for NPI check digit"): the constant 24 stands for the 80840 prefix. The lists
-- use it so that a mistyped NPI on a list record does not drop the record: it loads without an
-- NPI and is matched by name instead (an importer NPI check would reject the whole row).
CREATE OR REPLACE MACRO npi_valid(s) AS
	regexp_full_match(coalesce(s, ''), '[0-9]{10}') AND
	(10 - (24 + list_sum(list_transform(range(1, 10), i -> CASE WHEN i % 2 = 1
		THEN (CAST(substr(s, i, 1) AS INTEGER) * 2) // 10 + (CAST(substr(s, i, 1) AS INTEGER) * 2) % 10
		ELSE CAST(substr(s, i, 1) AS INTEGER) END))) % 10) % 10 = CAST(substr(s, 10, 1) AS INTEGER);
-- The blocking key of a person's name match: first three letters of the normalised last name and
-- the first letter of the first name (a typo there is not matched: the price of screening tens of
-- thousands of providers against a list of 90,000 in seconds; see `claimlens bench-screen`).
CREATE OR REPLACE MACRO excl_block(last_name, first_name) AS left(coalesce(last_name, ''), 3) || '|' || left(coalesce(first_name, ''), 1);
-- Business names without corporate forms (INC, LLC, PC, ...).
CREATE OR REPLACE MACRO excl_business(s) AS
	array_to_string(list_filter(string_split(excl_norm(s), ' '), w -> w <> '' AND w NOT IN ('INC', 'LLC', 'LLP', 'PC', 'PA', 'PLLC', 'CORP', 'CORPORATION', 'CO', 'COMPANY', 'LTD', 'THE')), ' ');

-- Every list record once, whichever load (full file or monthly supplement) brought it: keyed by
-- its identity, with the latest reinstatement or waiver any load recorded (LEIE's reinstatement
-- supplements repeat the record with REINDATE set; a full file drops reinstated people, whose
-- past claims still count inside their excluded window).
CREATE OR REPLACE VIEW exclusion_records AS
SELECT
	-- identity: list, names, date of birth, state, exclusion type and date. Not the NPI: a later
	-- load that adds it (or a reinstatement supplement carrying it) is the same record, which
	-- then takes the NPI; two same-named people in other states or with other exclusions stay apart.
	md5(concat_ws('|', list, excl_norm(last_name), excl_norm(first_name), excl_norm(middle_name), excl_business(business_name), coalesce(dob::VARCHAR, ''), upper(trim(coalesce(state, ''))), upper(trim(coalesce(excl_type, ''))), coalesce(excl_date::VARCHAR, ''))) AS record_key,
	list,
	any_value(last_name) AS last_name, any_value(first_name) AS first_name, any_value(middle_name) AS middle_name,
	any_value(business_name) AS business_name, max(npi) AS npi, any_value(state) AS state,
	any_value(general) AS general, any_value(specialty) AS specialty, any_value(excl_type) AS excl_type,
	any_value(excl_date) AS excl_date, max(rein_date) AS rein_date, max(waiver_date) AS waiver_date,
	max(upper(trim(waiver_state))) AS waiver_state,
	max(import_id) AS last_import_id
FROM exclusion_rows
GROUP BY record_key, list;

-- Who is screened: every rendering NPI in the claims (its most frequent name) and every roster
-- provider (the newest roster's name and state win), with the name split into last, first and
-- middle: "Last, First Middle" when a name follows a comma, else "First [Middle] Last" (suffixes
-- and credentials dropped first).
CREATE OR REPLACE VIEW exclusion_providers AS
WITH c AS (
	SELECT rendering_npi AS npi, mode(provider_name) AS provider_name, count(*) AS lines FROM claim_lines GROUP BY rendering_npi
),
r AS (
	SELECT npi, arg_max(provider_name, import_id) AS provider_name, arg_max(state, import_id) AS state FROM provider_roster WHERE npi IS NOT NULL GROUP BY npi
),
p AS (
	-- a state is used only as a two-letter code ("Texas" would block every TX record out)
	SELECT npi, coalesce(r.provider_name, c.provider_name) AS provider_name,
		CASE WHEN regexp_full_match(upper(trim(r.state)), '[A-Z]{2}') THEN upper(trim(r.state)) END AS state, coalesce(c.lines, 0) AS lines
	FROM c FULL JOIN r USING (npi)
),
w0 AS (
	SELECT *,
		excl_words(split_part(coalesce(provider_name, ''), ',', 1)) AS before_comma,
		excl_words(CASE WHEN contains(coalesce(provider_name, ''), ',') THEN substr(provider_name, strpos(provider_name, ',') + 1) ELSE '' END) AS after_comma,
		excl_words(provider_name) AS words
	FROM p
),
w AS (
	-- "Last, First": a comma followed by a name; "John Q. Public Jr., MD" has only a credential after it
	SELECT *, len(after_comma) > 0 AS comma FROM w0
)
SELECT npi, provider_name, state, lines, comma, before_comma, after_comma,
	-- a trailing DO after a full name is the credential (John Smith DO); alone it is a surname
	CASE WHEN len(words) >= 3 AND words[-1] = 'DO' THEN words[:-1] ELSE words END AS words,
	excl_business(provider_name) AS business_name
FROM w;

-- Every reading of a provider's name the matching tries (a provider may have several rows):
-- "Last, First Middle" with a comma; without one, "First [Middle] Last", and also "First
-- Last Last..." (Maria De La Cruz, Jose Garcia Lopez) and, for two words, "LAST FIRST"
-- (all-caps exports). A pair's best reading counts.
CREATE OR REPLACE VIEW exclusion_provider_names AS
SELECT npi, state, business_name, array_to_string(before_comma, ' ') AS last_name, after_comma[1] AS first_name, after_comma[2] AS middle_name
FROM exclusion_providers WHERE comma
UNION ALL
SELECT npi, state, business_name, words[-1], words[1], CASE WHEN len(words) >= 3 THEN words[2] END
FROM exclusion_providers WHERE NOT comma AND len(words) >= 2
UNION ALL
SELECT npi, state, business_name, array_to_string(words[2:], ' '), words[1], NULL
FROM exclusion_providers WHERE NOT comma AND len(words) >= 3
UNION ALL
SELECT npi, state, business_name, words[1], words[2], NULL
FROM exclusion_providers WHERE NOT comma AND len(words) = 2;

-- Provider x list-record pairs (src/lib/server/exclusions/screen.ts reads them, and so does the
-- line rule excluded_provider):
--   npi:  the list record carries the provider's NPI (LEIE's 0000000000 placeholder is NULL);
--         confirmed unless a person dismissed it.
--   name: a record without an NPI, blocked on excl_block (first three letters of the last name,
--         first letter of the first name) and, when both sides know it, the state; Jaro-Winkler similarity (DuckDB's
--         jaro_winkler_similarity) of at least 0.92 on the last name and 0.88 on the first,
--         middle initials equal when both have one; score = the mean of the two. Entities:
--         the provider's name against BUSNAME (corporate forms dropped), blocked on the first
--         three letters and the state, similarity at least 0.95. A name match is a candidate
--         until a person confirms or dismisses it (exclusion_decisions, newest decision wins;
--         a dismissal stays with that list record).
-- Exclusion window: from the exclusion date to the earlier of reinstatement and waiver.
CREATE OR REPLACE VIEW exclusion_matches AS
WITH p AS (SELECT * FROM exclusion_providers WHERE npi IS NOT NULL),
pn AS (SELECT * FROM exclusion_provider_names WHERE npi IS NOT NULL AND last_name <> '' AND first_name IS NOT NULL),
x AS (
	-- the list's last name without suffixes too (LEE JR = LEE)
	SELECT *, array_to_string(excl_words(last_name), ' ') AS ln, excl_words(first_name)[1] AS fn, excl_words(middle_name)[1] AS mn,
		excl_business(business_name) AS bn, upper(trim(state)) AS st
	FROM exclusion_records
),
by_npi AS (
	SELECT p.npi AS provider_npi, x.record_key, 'npi' AS match, 1.0::DOUBLE AS score FROM p JOIN x ON x.npi = p.npi
),
by_name AS (
	SELECT p.npi AS provider_npi, x.record_key, 'name' AS match,
		(jaro_winkler_similarity(p.last_name, x.ln) + jaro_winkler_similarity(p.first_name, x.fn)) / 2 AS score
	FROM pn AS p JOIN x ON x.npi IS NULL AND x.ln <> '' AND excl_block(x.ln, x.fn) = excl_block(p.last_name, p.first_name)
		AND (p.state IS NULL OR x.st IS NULL OR x.st = '' OR p.state = x.st)
	WHERE jaro_winkler_similarity(p.last_name, x.ln) >= 0.92 AND jaro_winkler_similarity(p.first_name, x.fn) >= 0.88
		AND (p.middle_name IS NULL OR x.mn IS NULL OR left(p.middle_name, 1) = left(x.mn, 1))
),
by_business AS (
	SELECT p.npi AS provider_npi, x.record_key, 'name' AS match, jaro_winkler_similarity(p.business_name, x.bn) AS score
	FROM p JOIN x ON x.npi IS NULL AND x.bn <> '' AND p.business_name <> '' AND left(x.bn, 3) = left(p.business_name, 3)
		AND (p.state IS NULL OR x.st IS NULL OR x.st = '' OR p.state = x.st)
	WHERE jaro_winkler_similarity(p.business_name, x.bn) >= 0.95
),
pairs AS (
	SELECT provider_npi, record_key, arg_max(match, score) AS match, max(score) AS score
	FROM (SELECT * FROM by_npi UNION ALL SELECT * FROM by_name UNION ALL SELECT * FROM by_business)
	GROUP BY provider_npi, record_key
),
decided AS (
	SELECT record_key, provider_npi, arg_max(status, decided_at) AS status, arg_max(decided_by, decided_at) AS decided_by, max(decided_at) AS decided_at
	FROM exclusion_decisions GROUP BY record_key, provider_npi
)
SELECT
	left(md5(pairs.record_key || '|' || pairs.provider_npi), 12) AS match_id,
	pairs.provider_npi, p.provider_name, p.state AS provider_state, pairs.record_key, x.list,
	pairs.match, round(pairs.score, 4) AS score,
	coalesce(decided.status, CASE WHEN pairs.match = 'npi' THEN 'confirmed' ELSE 'candidate' END) AS status,
	decided.decided_by, decided.decided_at,
	x.last_name AS listed_last_name, x.first_name AS listed_first_name, x.middle_name AS listed_middle_name,
	x.business_name AS listed_business_name, x.npi AS listed_npi, x.state AS listed_state, x.excl_type,
	x.excl_date AS excluded_from, x.rein_date AS reinstated_on, x.waiver_date AS waiver_on,
	x.waiver_state,
	-- a waiver lets the person furnish services in its state only (WVRSTATE): it ends the window
	-- for a provider known to practise there, or when the list names no state; otherwise the
	-- exclusion runs on (the claims do not say where a service was furnished)
	CASE WHEN x.waiver_date IS NOT NULL AND (x.waiver_state IS NULL OR x.waiver_state = '' OR x.waiver_state = p.state)
		THEN least(x.waiver_date, coalesce(x.rein_date, x.waiver_date)) ELSE x.rein_date END AS excluded_until
FROM pairs
JOIN p ON p.npi = pairs.provider_npi
JOIN x ON x.record_key = pairs.record_key
LEFT JOIN decided ON decided.record_key = pairs.record_key AND decided.provider_npi = pairs.provider_npi;

-- The claim lines inside each match's exclusion window (any status): the one definition of the
-- window that the screening, the evidence and the excluded_provider rule read.
CREATE OR REPLACE VIEW exclusion_window_lines AS
SELECT m.match_id, m.record_key, m.provider_npi, m.status, m.list, m.match, m.decided_by, m.excluded_from, m.excluded_until, l.*
FROM exclusion_matches m
JOIN claim_lines l ON l.rendering_npi = m.provider_npi AND l.service_date >= m.excluded_from
	AND (m.excluded_until IS NULL OR l.service_date < m.excluded_until);
