-- Step 4: the order lines: one winning version per (order_id, line_number), normalized.
-- PRODUCT.md rules 2 (duplicates), 4 (channel), 5 (amount), 10 (crediting) and "Precise rules /
-- Customers, revenue, commission" (unknown sales_rep_id -> HOUSE, no fall-back to the owner).

CREATE TEMP TABLE order_lines AS
WITH winner_keys AS (
    -- Rule 2: among accepted rows with the same (order_id, line_number), the latest updated_at
    -- wins (empty = oldest; instants compared), ties to the file whose name sorts last (by code
    -- point: DuckDB compares VARCHAR bytewise, which for UTF-8 is code-point order), then the
    -- later line. line_number is the parsed number ('01' = 1). (The ranking runs on the keys
    -- alone, and the winning rows are taken back by their file and line.)
    SELECT source_file, source_line FROM export_validated
    WHERE reason IS NULL
    QUALIFY row_number() OVER (PARTITION BY order_id, line_number
                               ORDER BY updated_at DESC NULLS LAST, source_file DESC, source_line DESC) = 1
), winners AS (
    SELECT e.* FROM export_validated e SEMI JOIN winner_keys k USING (source_file, source_line)
)
SELECT w.source_file, w.source_line, w.order_id, w.line_number, w.order_timestamp, w.order_date,
       strftime(w.order_date, '%Y-%m') AS month,           -- rule 3: month = yyyy-MM of order_date
       w.customer_id, w.order_source,
       -- Rule 4: the channel_group of the order_source; an ONLINE line with a quote_id is
       -- SALES_ASSISTED when quote_converts_to_assisted is true.
       CASE WHEN w.channel_group = 'ONLINE' AND w.quote_id IS NOT NULL AND getvariable('quote_converts_to_assisted')
            THEN 'SALES_ASSISTED' ELSE w.channel_group END AS channel,
       w.sales_rep_id, w.quote_id, w.sku,
       w.quantity::DECIMAL(18, 6) AS quantity, w.unit_price::DECIMAL(18, 6) AS unit_price,
       coalesce(w.discount_amount, 0)::DECIMAL(18, 6) AS discount_amount,
       w.currency, w.fx_rate,
       w.amount_after_fx::DECIMAL(18, 2) AS amount,         -- rule 5, HALF_UP, in the reporting currency
       w.order_status,
       coalesce(w.order_status IN ('CANCELLED', 'CANCELED'), false) AS is_cancelled,
       w.updated_at,
       -- Rule 10: credited to the sales_rep_id (a rep id of reps.csv, or an alias of one), an
       -- unknown one to HOUSE; without one to the customer's owner_rep_id if reps.csv knows it
       -- (an unknown owner to HOUSE); else HOUSE.
       CASE WHEN w.sales_rep_id IS NOT NULL THEN coalesce(by_name.rep_id, 'HOUSE')
            WHEN a.owner_rep_id IS NOT NULL THEN coalesce(owner.rep_id, 'HOUSE')
            ELSE 'HOUSE' END AS credited_rep_id,
       -- the rep id that reps.csv does not know, for the warning (one per counted line)
       CASE WHEN w.sales_rep_id IS NOT NULL AND by_name.rep_id IS NULL THEN w.sales_rep_id
            WHEN w.sales_rep_id IS NULL AND a.owner_rep_id IS NOT NULL AND owner.rep_id IS NULL THEN a.owner_rep_id
       END AS unknown_rep_id
FROM winners w
LEFT JOIN rep_names by_name ON by_name.name = w.sales_rep_id
LEFT JOIN accounts a ON a.customer_id = w.customer_id
LEFT JOIN reps owner ON owner.rep_id = a.owner_rep_id;

DROP TABLE export_validated;
