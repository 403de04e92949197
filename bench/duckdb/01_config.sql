-- Step 1: definitions (--config) and reference data (--reference), checked before any export
-- is read. PRODUCT.md "Inputs / Reference data", "Definitions (--config)" and "Precise rules /
-- Reference data and definitions": a missing column, a duplicate key, a bad value, an unknown
-- plan channel or segment, overlapping plan rows, a negative rate, falling tier multipliers stop
-- the run with file, line and problem.
-- These files are small, well-formed configuration: DuckDB's own CSV reader reads them (header
-- names trimmed by read_csv and matched case-insensitively by DuckDB; BOM and CRLF accepted). `line` is the
-- physical line, assuming one line per record (true of the generated files).

CREATE OR REPLACE TEMP MACRO read_config(path) AS TABLE
    SELECT row_number() OVER () + 1 AS line, *
    FROM read_csv(path, header = true, all_varchar = true,
                  delim = ',', quote = '"', escape = '"');

CREATE TEMP TABLE cfg_settings_raw AS FROM read_config(getvariable('config_dir') || '/settings.csv');
CREATE TEMP TABLE cfg_channels_raw AS FROM read_config(getvariable('config_dir') || '/channel-definitions.csv');
CREATE TEMP TABLE cfg_plans_raw    AS FROM read_config(getvariable('config_dir') || '/commission-plans.csv');
CREATE TEMP TABLE cfg_tiers_raw    AS FROM read_config(getvariable('config_dir') || '/commission-tiers.csv');
CREATE TEMP TABLE ref_accounts_raw AS FROM read_config(getvariable('reference_dir') || '/accounts.csv');
CREATE TEMP TABLE ref_reps_raw     AS FROM read_config(getvariable('reference_dir') || '/reps.csv');
CREATE TEMP TABLE ref_quotas_raw   AS FROM read_config(getvariable('reference_dir') || '/quotas.csv');
CREATE TEMP TABLE ref_fx_raw       AS FROM read_config(getvariable('reference_dir') || '/fx_rates.csv');

-- Only canonical exports: Shopify and column-mapped sources (config/sources.csv, PRODUCT.md "Real
-- exports") are not implemented by the peer, which says so rather than misreading them.
SELECT error('configuration: sources.csv (Shopify or mapped sources) is not supported by the DuckDB peer')
FROM glob(getvariable('config_dir') || '/sources.csv');

-- Every file has its required columns (a missing one stops the run before its rows are used).
CREATE TEMP TABLE config_errors (file VARCHAR, line BIGINT, problem VARCHAR);
INSERT INTO config_errors
SELECT r.file, 1, 'no column ' || r.col
FROM (VALUES ('settings.csv', 'cfg_settings_raw', ['key', 'value']),
             ('channel-definitions.csv', 'cfg_channels_raw', ['order_source', 'channel_group', 'definition']),
             ('commission-plans.csv', 'cfg_plans_raw', ['plan_id', 'effective_from', 'effective_to', 'order_channel', 'segment', 'rate', 'counts_toward_quota']),
             ('commission-tiers.csv', 'cfg_tiers_raw', ['plan_id', 'min_attainment', 'multiplier']),
             ('accounts.csv', 'ref_accounts_raw', ['customer_id', 'customer_name', 'owner_rep_id', 'region']),
             ('reps.csv', 'ref_reps_raw', ['rep_id', 'rep_name', 'team', 'region']),
             ('quotas.csv', 'ref_quotas_raw', ['rep_id', 'month', 'quota_amount']),
             ('fx_rates.csv', 'ref_fx_raw', ['rate_date', 'currency', 'rate_to_reporting']))
     AS f(file, tbl, cols),
     LATERAL (SELECT f.file, unnest(f.cols) AS col) r
WHERE NOT EXISTS (SELECT 1 FROM duckdb_columns() c
                  WHERE c.table_name = f.tbl AND lower(c.column_name) = r.col);
SELECT error('configuration: ' || file || ' line ' || line || ': ' || problem)
FROM (FROM config_errors ORDER BY file, line LIMIT 1);

-- settings.csv (key,value): an empty value takes the default; program_start has none.
CREATE TEMP TABLE settings AS
SELECT line, lower(blank_to_null(key)) AS key, blank_to_null(value) AS value FROM cfg_settings_raw;
INSERT INTO config_errors
SELECT 'settings.csv', line, 'unknown setting ' || coalesce(key, '(empty)') FROM settings
WHERE key IS NULL OR key NOT IN ('reporting_currency', 'time_zone', 'program_start', 'max_reject_ratio',
    'quote_converts_to_assisted', 'baseline_plan', 'digital_first_share', 'state_window_months')
UNION ALL
SELECT 'settings.csv', line, 'duplicate key ' || key FROM settings
QUALIFY row_number() OVER (PARTITION BY key ORDER BY line) > 1;

CREATE OR REPLACE TEMP MACRO setting(k) AS (SELECT any_value(value) FROM settings WHERE key = k);
SET VARIABLE reporting_currency = upper(coalesce(setting('reporting_currency'), 'USD'));
-- time_zone: a zone id, its case forgiven (matched against ICU's list of zone names), or a
-- fixed offset such as +02:00 (ICU's custom zone GMT+02:00).
SET VARIABLE time_zone = CASE
    WHEN regexp_full_match(coalesce(setting('time_zone'), ''), '[+-](0[0-9]|1[0-8]):[0-5][0-9]') THEN 'GMT' || setting('time_zone')
    ELSE (SELECT min(name) FROM pg_timezone_names() WHERE lower(name) = lower(coalesce(setting('time_zone'), 'UTC'))) END;
SET VARIABLE program_start = try_cast(setting('program_start') AS DATE);
SET VARIABLE max_reject_ratio = parse_decimal(coalesce(setting('max_reject_ratio'), '0.005'), 10);
SET VARIABLE quote_converts_to_assisted = parse_boolean(coalesce(setting('quote_converts_to_assisted'), 'true'));
SET VARIABLE digital_first_share = parse_decimal(coalesce(setting('digital_first_share'), '0.8'), 6)::DECIMAL(38, 6);
SET VARIABLE state_window_months = try_cast(coalesce(setting('state_window_months'), '12') AS INTEGER);

INSERT INTO config_errors
SELECT 'settings.csv', NULL, problem FROM (VALUES
    (getvariable('time_zone') IS NULL, 'time_zone: unknown zone ' || coalesce(setting('time_zone'), '')),
    (getvariable('program_start') IS NULL, 'program_start: missing or not a date (yyyy-MM-dd)'),
    (getvariable('max_reject_ratio') IS NULL OR getvariable('max_reject_ratio') NOT BETWEEN 0 AND 1,
     'max_reject_ratio: not a number between 0 and 1'),
    (getvariable('quote_converts_to_assisted') IS NULL, 'quote_converts_to_assisted: not a boolean'),
    (getvariable('digital_first_share') IS NULL OR getvariable('digital_first_share') <= 0
     OR getvariable('digital_first_share') > 1, 'digital_first_share: not a number in (0, 1]'),
    (getvariable('state_window_months') IS NULL OR getvariable('state_window_months') NOT BETWEEN 1 AND 1200,
     'state_window_months: not a whole number from 1 to 1200'),
    (NOT regexp_full_match(getvariable('reporting_currency'), '[A-Z]{3}'),
     'reporting_currency: not an ISO 4217 code')) AS t(bad, problem)
WHERE bad;

-- channel-definitions.csv: order_source -> ONLINE | SALES_ASSISTED (codes ignore case).
CREATE TEMP TABLE channel_definitions AS
SELECT line, upper(blank_to_null(order_source)) AS order_source,
       upper(blank_to_null(channel_group)) AS channel_group, blank_to_null(definition) AS definition
FROM cfg_channels_raw;
INSERT INTO config_errors
SELECT 'channel-definitions.csv', line, 'order_source: empty' FROM channel_definitions WHERE order_source IS NULL
UNION ALL
SELECT 'channel-definitions.csv', line, 'channel_group: ' || coalesce(channel_group, '(empty)') || ' is not ONLINE or SALES_ASSISTED'
FROM channel_definitions WHERE channel_group IS NULL OR channel_group NOT IN ('ONLINE', 'SALES_ASSISTED')
UNION ALL
SELECT 'channel-definitions.csv', line, 'duplicate order_source ' || order_source FROM channel_definitions
QUALIFY row_number() OVER (PARTITION BY order_source ORDER BY line) > 1;

-- commission-plans.csv: plans in the order their plan_id first appears.
CREATE TEMP TABLE plan_rows AS
SELECT line, blank_to_null(plan_id) AS plan_id,
       blank_to_null(effective_from) AS effective_from_text, blank_to_null(effective_to) AS effective_to_text,
       try_cast(blank_to_null(effective_from) AS DATE) AS effective_from,
       try_cast(blank_to_null(effective_to) AS DATE) AS effective_to,
       upper(blank_to_null(order_channel)) AS order_channel, upper(blank_to_null(segment)) AS segment,
       parse_decimal(blank_to_null(rate), 6)::DECIMAL(9, 6) AS rate, blank_to_null(rate) AS rate_text,
       parse_boolean(blank_to_null(counts_toward_quota)) AS counts_toward_quota
FROM cfg_plans_raw;
INSERT INTO config_errors
SELECT 'commission-plans.csv', line, problem FROM (
    SELECT line, CASE
        WHEN plan_id IS NULL THEN 'plan_id: empty'
        WHEN effective_from_text IS NOT NULL AND effective_from IS NULL THEN 'effective_from: not a date'
        WHEN effective_to_text IS NOT NULL AND effective_to IS NULL THEN 'effective_to: not a date'
        WHEN effective_to < effective_from THEN 'effective_to before effective_from'
        WHEN order_channel IS NULL OR order_channel NOT IN ('ONLINE', 'SALES_ASSISTED', '*') THEN 'order_channel: unknown channel'
        WHEN segment IS NULL OR segment NOT IN ('EXISTING', 'NEW_ONLINE', 'NEW_SALES_ASSISTED', '*') THEN 'segment: unknown segment'
        WHEN rate IS NULL THEN 'rate: not a number with up to 6 decimals'
        WHEN rate < 0 THEN 'rate: negative'
        WHEN rate > 1 THEN 'rate: above 1 (write 5 % as 0.05)'
        WHEN counts_toward_quota IS NULL THEN 'counts_toward_quota: not a boolean' END AS problem
    FROM plan_rows)
WHERE problem IS NOT NULL
UNION ALL
SELECT 'commission-plans.csv', b.line, 'overlaps line ' || a.line || ' (same plan, channel and segment)'
FROM plan_rows a JOIN plan_rows b
  ON a.plan_id = b.plan_id AND a.order_channel = b.order_channel AND a.segment = b.segment AND a.line < b.line
 AND coalesce(a.effective_from, DATE '0001-01-01') <= coalesce(b.effective_to, DATE '9999-12-31')
 AND coalesce(b.effective_from, DATE '0001-01-01') <= coalesce(a.effective_to, DATE '9999-12-31');
CREATE TEMP TABLE plans AS
SELECT plan_id, min(line) AS plan_order FROM plan_rows WHERE plan_id IS NOT NULL GROUP BY plan_id;

-- commission-tiers.csv: multipliers may not fall as min_attainment rises.
CREATE TEMP TABLE tiers AS
SELECT line, blank_to_null(plan_id) AS plan_id,
       parse_decimal(blank_to_null(min_attainment), 6)::DECIMAL(18, 6) AS min_attainment,
       parse_decimal(blank_to_null(multiplier), 4)::DECIMAL(9, 4) AS multiplier
FROM cfg_tiers_raw;
INSERT INTO config_errors
SELECT 'commission-tiers.csv', line, CASE
    WHEN plan_id IS NULL THEN 'plan_id: empty'
    WHEN min_attainment IS NULL THEN 'min_attainment: not a number with up to 6 decimals'
    WHEN multiplier IS NULL OR multiplier < 0 OR multiplier >= 100000 THEN 'multiplier: not a number with up to 4 decimals below 100000' END
FROM tiers
WHERE plan_id IS NULL OR min_attainment IS NULL OR multiplier IS NULL OR multiplier < 0 OR multiplier >= 100000
UNION ALL
SELECT 'commission-tiers.csv', line, 'duplicate tier ' || plan_id || ' ' || min_attainment FROM tiers
QUALIFY row_number() OVER (PARTITION BY plan_id, min_attainment ORDER BY line) > 1
UNION ALL
SELECT 'commission-tiers.csv', line, 'multiplier falls as min_attainment rises' FROM (
    SELECT line, multiplier < lag(multiplier) OVER (PARTITION BY plan_id ORDER BY min_attainment) AS falls FROM tiers)
WHERE falls;

-- reps.csv: rep_id, rep_name, team, region and the optional aliases (other names, '|'-separated).
CREATE TEMP TABLE reps AS
SELECT line, blank_to_null(rep_id) AS rep_id, blank_to_null(rep_name) AS rep_name,
       blank_to_null(team) AS team, blank_to_null(region) AS region,
       list_filter(list_transform(string_split(coalesce(aliases, ''), '|'), lambda a: blank_to_null(a)),
                   lambda a: a IS NOT NULL) AS aliases
FROM (SELECT NULL::VARCHAR AS aliases WHERE false UNION ALL BY NAME FROM ref_reps_raw);
INSERT INTO config_errors
SELECT 'reps.csv', line, 'rep_id: empty' FROM reps WHERE rep_id IS NULL
UNION ALL
SELECT 'reps.csv', line, 'rep_id: HOUSE is reserved' FROM reps WHERE rep_id = 'HOUSE'
UNION ALL
SELECT 'reps.csv', line, 'duplicate rep_id ' || rep_id FROM reps
QUALIFY row_number() OVER (PARTITION BY rep_id ORDER BY line) > 1;
-- The names a sales_rep_id may carry: the rep ids, then the aliases (a rep_id wins over an alias;
-- an alias that is another rep's id or that two reps share is an error).
CREATE TEMP TABLE rep_names AS
SELECT rep_id AS name, rep_id FROM reps WHERE rep_id IS NOT NULL
UNION
SELECT alias, rep_id FROM (SELECT rep_id, unnest(aliases) AS alias FROM reps)
WHERE alias <> rep_id;
INSERT INTO config_errors
SELECT 'reps.csv', NULL, 'alias ' || name || ' names two reps or another rep''s id' FROM rep_names
GROUP BY name HAVING count(DISTINCT rep_id) > 1;

-- accounts.csv: customer_id, customer_name, owner_rep_id (may be empty), region (may be empty).
CREATE TEMP TABLE accounts AS
SELECT line, blank_to_null(customer_id) AS customer_id, blank_to_null(owner_rep_id) AS owner_rep_id,
       blank_to_null(region) AS region
FROM ref_accounts_raw;
INSERT INTO config_errors
SELECT 'accounts.csv', line, 'customer_id: empty' FROM accounts WHERE customer_id IS NULL
UNION ALL
SELECT 'accounts.csv', line, 'duplicate customer_id ' || customer_id FROM accounts
QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY line) > 1;

-- quotas.csv: rep_id, month (yyyy-MM), quota_amount; taken HALF_UP to cents; <= 0 = no quota.
CREATE TEMP TABLE quotas AS
SELECT line, blank_to_null(rep_id) AS rep_id, blank_to_null(month) AS month,
       round(parse_decimal(blank_to_null(quota_amount), 6), 2)::DECIMAL(18, 2) AS quota_amount
FROM ref_quotas_raw;
INSERT INTO config_errors
SELECT 'quotas.csv', line, CASE
    WHEN rep_id IS NULL THEN 'rep_id: empty'
    WHEN month IS NULL OR NOT regexp_full_match(month, '[0-9]{4}-(0[1-9]|1[0-2])') THEN 'month: not yyyy-MM'
    ELSE 'quota_amount: not a number' END
FROM quotas
WHERE rep_id IS NULL OR month IS NULL OR NOT regexp_full_match(month, '[0-9]{4}-(0[1-9]|1[0-2])') OR quota_amount IS NULL
UNION ALL
SELECT 'quotas.csv', line, 'duplicate (rep_id, month) ' || rep_id || ' ' || month FROM quotas
QUALIFY row_number() OVER (PARTITION BY rep_id, month ORDER BY line) > 1;

-- fx_rates.csv: 1 unit of currency = rate units of the reporting currency (up to 10 decimals);
-- the reporting currency's rate is always 1.
CREATE TEMP TABLE fx_rates AS
SELECT line, try_cast(blank_to_null(rate_date) AS DATE) AS rate_date, upper(blank_to_null(currency)) AS currency,
       parse_decimal(blank_to_null(rate_to_reporting), 10)::DECIMAL(20, 10) AS rate
FROM ref_fx_raw;
INSERT INTO config_errors
SELECT 'fx_rates.csv', line, CASE
    WHEN rate_date IS NULL THEN 'rate_date: not a date'
    WHEN currency IS NULL THEN 'currency: empty'
    WHEN rate IS NULL OR rate <= 0 THEN 'rate_to_reporting: not a positive number with up to 10 decimals'
    ELSE 'the reporting currency''s rate must be 1' END
FROM fx_rates
WHERE rate_date IS NULL OR currency IS NULL OR rate IS NULL OR rate <= 0
   OR (currency = getvariable('reporting_currency') AND rate <> 1)
UNION ALL
SELECT 'fx_rates.csv', line, 'duplicate (rate_date, currency) ' || rate_date || ' ' || currency FROM fx_rates
QUALIFY row_number() OVER (PARTITION BY rate_date, currency ORDER BY line) > 1;

SELECT error('configuration: ' || file || coalesce(' line ' || line, '') || ': ' || problem)
FROM (FROM config_errors ORDER BY file, line NULLS FIRST LIMIT 1);

-- baseline_plan (used by commission_scenarios.csv only, checked for completeness): default the first plan.
SET VARIABLE baseline_plan = coalesce(setting('baseline_plan'), (SELECT arg_min(plan_id, plan_order) FROM plans));
SELECT error('configuration: settings.csv: baseline_plan ' || getvariable('baseline_plan') || ' is not a plan of commission-plans.csv')
WHERE getvariable('baseline_plan') IS NOT NULL AND getvariable('baseline_plan') NOT IN (SELECT plan_id FROM plans);
