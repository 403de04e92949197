-- Step 3: validate every record; each rejected row gets exactly one reason.
-- PRODUCT.md rule 1 (Validation), rule 3 (order_date), rule 5 (amount), "Precise rules /
-- Reading" (values, control characters, order_date before 2000), "Numbers", "Timestamps" and
-- the reason order: malformed_row, missing_required_field, invalid_number, invalid_timestamp,
-- negative_price, unknown_order_source, missing_fx_rate.

-- 3a. Values by column name: where each column sits in each file's header (a column the header
-- lacks is NULL, like an empty value: missing_required_field when required). Values trimmed of
-- spaces and tabs; codes (order_source, currency, order_status) ignore case, ids do not.
CREATE TEMP TABLE export_columns AS
SELECT source_file, len(names) AS width,
       list_position(names, 'order_id') AS p_order_id, list_position(names, 'line_number') AS p_line_number,
       list_position(names, 'order_timestamp') AS p_order_timestamp, list_position(names, 'customer_id') AS p_customer_id,
       list_position(names, 'order_source') AS p_order_source, list_position(names, 'sales_rep_id') AS p_sales_rep_id,
       list_position(names, 'quote_id') AS p_quote_id, list_position(names, 'sku') AS p_sku,
       list_position(names, 'quantity') AS p_quantity, list_position(names, 'unit_price') AS p_unit_price,
       list_position(names, 'discount_amount') AS p_discount_amount, list_position(names, 'currency') AS p_currency,
       list_position(names, 'order_status') AS p_order_status, list_position(names, 'updated_at') AS p_updated_at
FROM export_headers;

CREATE TEMP VIEW export_values AS
WITH v AS (
    SELECT r.source_file, r.source_line, r.record, c.*,
           -- most records hold no quote at all: for them a plain split on ',' gives the same
           -- values as csv_values (less the trimming, done below on the columns read)
           CASE WHEN contains(r.record, '"') THEN csv_values(r.record) ELSE string_split(r.record, ',') END AS vals
    FROM export_records r JOIN export_columns c ON c.source_file = r.source_file
)
SELECT source_file, source_line,
       record IS NULL OR len(vals) <> width OR has_control_char(record) AS malformed,
       blank_to_null(vals[p_order_id]) AS order_id,
       blank_to_null(vals[p_line_number]) AS line_number_text,
       blank_to_null(vals[p_order_timestamp]) AS order_timestamp_text,
       blank_to_null(vals[p_customer_id]) AS customer_id,
       upper(blank_to_null(vals[p_order_source])) AS order_source,
       blank_to_null(vals[p_sales_rep_id]) AS sales_rep_id,
       blank_to_null(vals[p_quote_id]) AS quote_id,
       blank_to_null(vals[p_sku]) AS sku,
       blank_to_null(vals[p_quantity]) AS quantity_text,
       blank_to_null(vals[p_unit_price]) AS unit_price_text,
       blank_to_null(vals[p_discount_amount]) AS discount_amount_text,
       upper(blank_to_null(vals[p_currency])) AS currency,
       upper(blank_to_null(vals[p_order_status])) AS order_status,
       blank_to_null(vals[p_updated_at]) AS updated_at_text
FROM v;

-- 3b. Numbers (macro parse_decimal: sign, digits, '.' and 1 to 6 decimals, |value| < 10^12;
-- line_number a non-negative integer, '01' = 1, '+1' = 1, '-0' = 0) and the grammar of
-- timestamps: yyyy-MM-dd, then optionally 'T' or ' ' and HH:mm[:ss[.fraction]] (up to 9 digits,
-- truncated to the microsecond), then optionally Z, +HH:MM or +HHMM (letters in either case).
-- A date alone is midnight; a date with an offset but no time is invalid; years 0001-9999.
CREATE OR REPLACE TEMP MACRO timestamp_parts(v) AS
    CASE WHEN regexp_full_match(v, '([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[Tt ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]{1,9}))?)?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})?')
         THEN regexp_extract(v, '^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[Tt ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]{1,9}))?)?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})?$',
                             ['y', 'mo', 'd', 'h', 'mi', 's', 'f', 'z']) END;
-- The local date-time written (NULL when no such date or time).
CREATE OR REPLACE TEMP MACRO timestamp_local(p) AS
    CASE WHEN p.y <> '0000'
              AND (p.h = '' OR (try_cast(p.h AS INTEGER) <= 23 AND try_cast(p.mi AS INTEGER) <= 59
                                AND (p.s = '' OR try_cast(p.s AS INTEGER) <= 59)))
              AND NOT (p.h = '' AND p.z <> '')
         THEN try_cast(p.y || '-' || p.mo || '-' || p.d || ' '
                       || CASE WHEN p.h = '' THEN '00' ELSE p.h END || ':' || CASE WHEN p.mi = '' THEN '00' ELSE p.mi END
                       || ':' || CASE WHEN p.s = '' THEN '00' ELSE p.s END
                       || '.' || rpad(left(p.f, 6), 6, '0') AS TIMESTAMP) END;
-- The written offset as an interval: '' = none (local time in time_zone), Z = 0, else +-HH[:]MM
-- up to 18:00 (NULL when out of range).
CREATE OR REPLACE TEMP MACRO timestamp_offset(z) AS
    CASE WHEN z = '' THEN NULL
         WHEN upper(z) = 'Z' THEN INTERVAL 0 MINUTE
         WHEN try_cast(z[2:3] AS INTEGER) * 60 + try_cast(right(z, 2) AS INTEGER) <= 1080
              AND try_cast(right(z, 2) AS INTEGER) <= 59
         THEN to_minutes((CASE WHEN z[1] = '-' THEN -1 ELSE 1 END)
                         * (try_cast(z[2:3] AS INTEGER) * 60 + try_cast(right(z, 2) AS INTEGER))) END;

CREATE TEMP TABLE export_parsed AS
WITH p AS (
    SELECT *,
           CASE WHEN regexp_full_match(line_number_text, '[+-]?[0-9]+') THEN try_cast(line_number_text AS BIGINT) END AS line_number,
           parse_decimal(quantity_text, 6) AS quantity,
           parse_decimal(unit_price_text, 6) AS unit_price,
           parse_decimal(discount_amount_text, 6) AS discount_amount,
           timestamp_parts(order_timestamp_text) AS ots_parts,
           timestamp_parts(updated_at_text) AS uat_parts
    FROM export_values
)
SELECT * EXCLUDE (ots_parts, uat_parts),
       timestamp_local(ots_parts) AS ots_local, ots_parts.z = '' AS ots_is_local, timestamp_offset(ots_parts.z) AS ots_offset,
       timestamp_local(uat_parts) AS uat_local, uat_parts.z = '' AS uat_is_local, timestamp_offset(uat_parts.z) AS uat_offset,
       -- the amount before FX, exact (DuckDB multiplies DECIMAL(18,x) within 18 digits: widen first)
       quantity::DECIMAL(38, 6) * unit_price - coalesce(discount_amount, 0) AS amount_before_fx
FROM p;

-- 3c. Instants and order dates in time_zone. A time zone's offset changes only at instants and
-- local times that are whole quarter hours, so ICU is asked once per distinct 15-minute bucket
-- rather than once per value (the same result, far fewer ICU calls):
--   local time without offset -> instant: macro local_to_instant (java.time's gap and overlap
--   rules) on the bucket's start, its offset applied to every value of the bucket;
--   instant -> order_date (rule 3): the local date at the instant's offset.
CREATE TEMP TABLE local_time_offsets AS
SELECT bucket, bucket - local_to_instant(bucket)::TIMESTAMP AS utc_offset
FROM (SELECT time_bucket(INTERVAL 15 MINUTE, ots_local) AS bucket FROM export_parsed WHERE ots_is_local AND ots_local IS NOT NULL
      UNION
      SELECT time_bucket(INTERVAL 15 MINUTE, uat_local) FROM export_parsed WHERE uat_is_local AND uat_local IS NOT NULL);

CREATE TEMP VIEW export_timed AS
WITH i AS (
    SELECT p.* EXCLUDE (ots_local, ots_is_local, ots_offset, uat_local, uat_is_local, uat_offset),
           (p.ots_local - CASE WHEN p.ots_is_local THEN lo.utc_offset ELSE p.ots_offset END)::TIMESTAMPTZ AS order_timestamp,
           (p.uat_local - CASE WHEN p.uat_is_local THEN lu.utc_offset ELSE p.uat_offset END)::TIMESTAMPTZ AS updated_at
    FROM export_parsed p
    LEFT JOIN local_time_offsets lo ON p.ots_is_local AND lo.bucket = time_bucket(INTERVAL 15 MINUTE, p.ots_local)
    LEFT JOIN local_time_offsets lu ON p.uat_is_local AND lu.bucket = time_bucket(INTERVAL 15 MINUTE, p.uat_local)
)
SELECT *,
       order_timestamp BETWEEN TIMESTAMPTZ '0001-01-01 00:00:00+00' AND TIMESTAMPTZ '9999-12-31 23:59:59.999999+00' AS ots_in_range,
       updated_at BETWEEN TIMESTAMPTZ '0001-01-01 00:00:00+00' AND TIMESTAMPTZ '9999-12-31 23:59:59.999999+00' AS uat_in_range
FROM i;

CREATE TEMP TABLE instant_offsets AS
SELECT bucket, timezone(getvariable('time_zone'), bucket::TIMESTAMPTZ) - bucket AS utc_offset
FROM (SELECT DISTINCT time_bucket(INTERVAL 15 MINUTE, order_timestamp::TIMESTAMP) AS bucket
      FROM export_timed WHERE ots_in_range);

-- 3d. FX rate (rule 5): the rate with the latest rate_date <= order_date, an ASOF join over the
-- distinct (currency, order_date) pairs; the reporting currency needs no rate (1).
CREATE TEMP VIEW export_dated AS
SELECT t.*, (t.order_timestamp::TIMESTAMP + o.utc_offset)::DATE AS order_date
FROM export_timed t
LEFT JOIN instant_offsets o ON t.ots_in_range AND o.bucket = time_bucket(INTERVAL 15 MINUTE, t.order_timestamp::TIMESTAMP);

CREATE TEMP TABLE line_fx AS
SELECT d.currency, d.order_date,
       CASE WHEN d.currency = getvariable('reporting_currency') THEN 1::DECIMAL(20, 10) ELSE r.rate END AS fx_rate
FROM (SELECT DISTINCT currency, order_date FROM export_dated WHERE currency IS NOT NULL AND order_date IS NOT NULL) d
ASOF LEFT JOIN fx_rates r ON r.currency = d.currency AND d.order_date >= r.rate_date;

-- 3e. The reason, first match wins.
CREATE TEMP TABLE export_validated AS
WITH a AS (
    SELECT d.*, f.fx_rate, c.channel_group,
           -- the before-FX amount, rounded HALF_UP to cents, must fit DECIMAL(18,2)
           abs(round(d.amount_before_fx, 2)) < 10000000000000000 AS before_fx_fits,
           -- rule 5: amount = round_half_up((quantity * unit_price - discount_amount) * fx_rate, 2),
           -- below 10^12 (an overflow of the exact product is too large as well)
           round(try(d.amount_before_fx * f.fx_rate), 2) AS amount_after_fx
    FROM export_dated d
    LEFT JOIN line_fx f ON f.currency = d.currency AND f.order_date = d.order_date
    LEFT JOIN channel_definitions c ON c.order_source = d.order_source
)
SELECT *,
       CASE
         WHEN malformed THEN 'malformed_row'
         WHEN order_id IS NULL OR line_number_text IS NULL OR order_timestamp_text IS NULL OR customer_id IS NULL
              OR order_source IS NULL OR quantity_text IS NULL OR unit_price_text IS NULL OR currency IS NULL
           THEN 'missing_required_field'
         WHEN line_number IS NULL OR line_number < 0 OR quantity IS NULL OR unit_price IS NULL
              OR (discount_amount_text IS NOT NULL AND discount_amount IS NULL)
              OR NOT before_fx_fits
              OR (fx_rate IS NOT NULL AND (amount_after_fx IS NULL OR abs(amount_after_fx) >= 1000000000000))
           THEN 'invalid_number'
         WHEN order_date IS NULL OR order_date < DATE '2000-01-01' OR order_date > DATE '9999-12-31'
              OR (updated_at_text IS NOT NULL AND NOT coalesce(uat_in_range, false))
           THEN 'invalid_timestamp'
         WHEN unit_price < 0 THEN 'negative_price'
         WHEN channel_group IS NULL THEN 'unknown_order_source'
         WHEN fx_rate IS NULL THEN 'missing_fx_rate'
       END AS reason
FROM a;

-- 3f. Counts and the data-quality gate (rule 12): rejected / read > max_reject_ratio fails the
-- run and publishes nothing; a ratio equal to the limit passes; no rows read passes.
CREATE TEMP TABLE read_counts AS
SELECT count(*) AS rows_read, count(*) FILTER (WHERE reason IS NULL) AS rows_accepted,
       count(*) FILTER (WHERE reason IS NOT NULL) AS rows_rejected,
       (SELECT count(*) FROM export_files) - (SELECT count(*) FROM export_headers) AS files_without_header,
       (SELECT string_agg(reason || '=' || n, ', ' ORDER BY reason)
        FROM (SELECT reason, count(*) AS n FROM export_validated WHERE reason IS NOT NULL GROUP BY reason)) AS rejects_by_reason
FROM export_validated;
SELECT error('data-quality gate: ' || rows_rejected || ' of ' || rows_read || ' rows rejected ('
             || rejects_by_reason || '), above max_reject_ratio ' || getvariable('max_reject_ratio')::DOUBLE)
FROM read_counts
WHERE rows_read > 0 AND rows_rejected::DECIMAL(38, 10) > getvariable('max_reject_ratio') * rows_read;

-- The lines and parsed values are no longer needed: free their memory.
DROP VIEW export_dated;
DROP VIEW export_timed;
DROP VIEW export_values;
DROP VIEW export_records;
DROP TABLE export_parsed;
DROP TABLE export_line_states;
