-- DuckDB peer of Channel Expansion, step 0: helper macros used by the later steps.
-- Parameters come as session variables set by bench/DuckDbPeer.java:
--   exports_dir, reference_dir, config_dir (absolute paths, no trailing slash), as_of (DATE), out_dir.
-- The session runs with TimeZone = 'UTC': a TIMESTAMPTZ is an instant, shown in UTC.

-- Trim the spaces and tabs around a value; a value of only those is empty (NULL).
-- PRODUCT.md "Precise rules / Reading": "Values are trimmed of surrounding spaces and tabs; a
-- value of only those is empty."
CREATE OR REPLACE TEMP MACRO blank_to_null(v) AS nullif(trim(v, E' \t'), '');

-- A decimal number of the contract's grammar: optional sign, digits, optionally '.' and 1 to
-- max_decimals digits; no exponent, no thousands separator, no '5.' or '.5'; |value| < 10^12.
-- NULL when the text is not such a number. PRODUCT.md "Numbers".
CREATE OR REPLACE TEMP MACRO parse_decimal(v, max_decimals) AS
    CASE WHEN regexp_full_match(v, '[+-]?[0-9]+(\.[0-9]+)?')
              AND coalesce(length(regexp_extract(v, '\.([0-9]+)$', 1)), 0) <= max_decimals
         THEN CASE WHEN abs(try_cast(v AS DECIMAL(38, 10))) < 1000000000000
                   THEN try_cast(v AS DECIMAL(38, 10)) END
    END;

-- Booleans: true/false, yes/no, 1/0 in any case; empty = false; anything else NULL (an error).
-- PRODUCT.md "Codes ... Booleans".
CREATE OR REPLACE TEMP MACRO parse_boolean(v) AS
    CASE WHEN v IS NULL THEN false
         WHEN lower(v) IN ('true', 'yes', '1') THEN true
         WHEN lower(v) IN ('false', 'no', '0') THEN false END;

-- round_half_up(a / b, digits) for exact integers a, b (b <> 0): HALF_UP rounds away from zero.
-- DuckDB divides DECIMALs in DOUBLE, so exact ratios are computed on HUGEINTs:
-- round(|a| / |b|) = (2 |a| 10^digits + |b|) // (2 |b|). Returns the scaled integer.
CREATE OR REPLACE TEMP MACRO div_half_up_scaled(a, b, digits) AS
    sign(a) * sign(b)
    * ((2 * abs(a::HUGEINT) * (10::HUGEINT ** digits)::HUGEINT + abs(b::HUGEINT))
       // (2 * abs(b::HUGEINT)));

-- Money (DECIMAL with 2 decimals) as a whole number of cents, exactly.
CREATE OR REPLACE TEMP MACRO cents(m) AS (m::DECIMAL(38, 2) * 100)::HUGEINT;

-- A local date-time without offset -> the instant, in time_zone, with java.time's rules
-- (PRODUCT.md "Timestamps"): in a gap the time moves forward by the length of the gap (what
-- ICU's timezone() does), in an overlap the EARLIER offset is taken (ICU takes the later one).
-- So the local time is also read with the offset in force a day before: when that gives an
-- earlier instant showing the same local time, the time is in an overlap and that instant wins.
CREATE OR REPLACE TEMP MACRO icu_instant(l) AS timezone(getvariable('time_zone'), l);
CREATE OR REPLACE TEMP MACRO offset_at(i) AS timezone(getvariable('time_zone'), i) - i::TIMESTAMP;
CREATE OR REPLACE TEMP MACRO earlier_instant(l) AS
    (l - offset_at(icu_instant(l) - INTERVAL 1 DAY))::TIMESTAMPTZ;
CREATE OR REPLACE TEMP MACRO local_to_instant(l) AS
    CASE WHEN earlier_instant(l) < icu_instant(l)
              AND timezone(getvariable('time_zone'), earlier_instant(l)) = l
         THEN earlier_instant(l) ELSE icu_instant(l) END;
