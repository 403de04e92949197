-- Step 5: counted lines, first orders and segments, as of the as-of date.
-- PRODUCT.md rules 6, 7, 8 and "Precise rules / Time and windows": duplicates are resolved over
-- all data first (step 4); then only lines with order_date <= as-of count, and first orders and
-- segments use only those lines.

-- Rule 6: counted lines = deduplicated accepted lines whose order_status is not CANCELLED
-- (CANCELLED and CANCELED, any case), here also through the as-of date.
CREATE TEMP VIEW counted_lines AS
SELECT * FROM order_lines WHERE NOT is_cancelled AND order_date <= getvariable('as_of');

-- Rule 7: a customer's acquisition channel = channel (after the quote rule) of its earliest
-- counted line with quantity > 0, ordered by (order_timestamp, order_id as text, line_number
-- as a number); first_order_date = that line's order_date. UNIDENTIFIED is no customer.
CREATE TEMP TABLE customer_firsts AS
SELECT customer_id, order_date AS first_order_date, channel AS acquisition_channel
FROM counted_lines
WHERE quantity > 0 AND customer_id <> 'UNIDENTIFIED'
QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY order_timestamp, order_id, line_number) = 1;

-- Rule 8: EXISTING if first_order_date < program_start or no first order at all, else NEW_ONLINE
-- or NEW_SALES_ASSISTED by acquisition channel. Region from accounts.csv (missing = UNKNOWN).
CREATE TEMP TABLE customer_segments AS
SELECT c.customer_id, f.first_order_date, f.acquisition_channel,
       CASE WHEN f.first_order_date IS NULL OR f.first_order_date < getvariable('program_start') THEN 'EXISTING'
            WHEN f.acquisition_channel = 'ONLINE' THEN 'NEW_ONLINE'
            ELSE 'NEW_SALES_ASSISTED' END AS segment,
       coalesce(a.region, 'UNKNOWN') AS region, a.owner_rep_id
FROM (SELECT DISTINCT customer_id FROM counted_lines WHERE customer_id <> 'UNIDENTIFIED') c
LEFT JOIN customer_firsts f ON f.customer_id = c.customer_id
LEFT JOIN accounts a ON a.customer_id = c.customer_id;

-- Every counted line with its customer's segment and region (rule 9's matrix: segment x line
-- channel). Lines of customer_id UNIDENTIFIED: segment UNIDENTIFIED, region UNKNOWN
-- (PRODUCT.md "Real exports / Unidentified customers").
CREATE TEMP TABLE classified_lines AS
SELECT l.*,
       CASE WHEN l.customer_id = 'UNIDENTIFIED' THEN 'UNIDENTIFIED' ELSE s.segment END AS segment,
       CASE WHEN l.customer_id = 'UNIDENTIFIED' THEN 'UNKNOWN' ELSE s.region END AS region
FROM counted_lines l
LEFT JOIN customer_segments s ON s.customer_id = l.customer_id;

-- Warnings (stderr, they change no number): lines credited to HOUSE because reps.csv does not
-- know their rep (rule 10), and a counted history that starts less than 12 months before
-- program_start (PRODUCT.md "Real exports / program_start sanity").
CREATE TEMP TABLE report_warnings AS
SELECT count(*) FILTER (WHERE unknown_rep_id IS NOT NULL) AS unknown_rep_lines,
       coalesce(string_agg(DISTINCT unknown_rep_id, ', ' ORDER BY unknown_rep_id), '') AS unknown_rep_ids,
       min(order_date) AS first_order_date,
       min(order_date) > getvariable('program_start') - INTERVAL 12 MONTH AS short_history
FROM counted_lines;
