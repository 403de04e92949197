-- Step 6: customers/ (one row per customer with a counted line through as-of, UNIDENTIFIED never).
-- PRODUCT.md "Outputs" (customers columns), "Customers, revenue, commission" (orders = distinct
-- order_ids of counted lines, returns too; last_order_date includes returns) and "The value
-- case / Customer channel states" (channel_state, channel_state_year_earlier, online_share,
-- online_share_year_earlier).

-- State windows: the state_window_months calendar months ending with the as-of month, that
-- month through the as-of date; the year-earlier state: the same a year before, through the
-- same day (DuckDB's date - INTERVAL 1 YEAR turns Feb 29 into Feb 28).
SET VARIABLE state_now_to = getvariable('as_of');
SET VARIABLE state_now_from = (date_trunc('month', getvariable('as_of'))
                               - to_months(getvariable('state_window_months') - 1))::DATE;
SET VARIABLE state_ye_to = (getvariable('as_of') - INTERVAL 1 YEAR)::DATE;
SET VARIABLE state_ye_from = (date_trunc('month', getvariable('state_ye_to'))
                              - to_months(getvariable('state_window_months') - 1))::DATE;

-- A customer's state from its window lines (counted lines of positive quantity in the window):
-- none = INACTIVE; online share = ONLINE amount / amount (by line count when the amount is 0);
-- share 0 = SALES_ONLY, share >= digital_first_share = DIGITAL_FIRST, else HYBRID. The exact
-- share is compared (multiplied out, so a negative amount flips the inequality).
CREATE OR REPLACE TEMP MACRO channel_state(n_lines, n_online, amount, online) AS
    CASE WHEN n_lines = 0 THEN 'INACTIVE'
         WHEN amount <> 0 THEN
             CASE WHEN online = 0 THEN 'SALES_ONLY'
                  WHEN (amount > 0 AND online >= getvariable('digital_first_share') * amount)
                    OR (amount < 0 AND online <= getvariable('digital_first_share') * amount) THEN 'DIGITAL_FIRST'
                  ELSE 'HYBRID' END
         ELSE CASE WHEN n_online = 0 THEN 'SALES_ONLY'
                   WHEN n_online >= getvariable('digital_first_share') * n_lines THEN 'DIGITAL_FIRST'
                   ELSE 'HYBRID' END
    END;
-- The written share: DECIMAL(9,4), HALF_UP from the exact ratio; empty when INACTIVE or when
-- it does not fit DECIMAL(9,4).
CREATE OR REPLACE TEMP MACRO share_scaled(n_lines, n_online, amount, online) AS
    CASE WHEN n_lines = 0 THEN NULL
         WHEN amount <> 0 THEN div_half_up_scaled(cents(online), cents(amount), 4)
         ELSE div_half_up_scaled(n_online, n_lines, 4) END;
CREATE OR REPLACE TEMP MACRO written_share(n_lines, n_online, amount, online) AS
    CASE WHEN abs(share_scaled(n_lines, n_online, amount, online)) < 1000000000
         THEN (share_scaled(n_lines, n_online, amount, online)::DECIMAL(38, 0) * 0.0001)::DECIMAL(9, 4) END;

CREATE TEMP TABLE customer_windows AS
SELECT customer_id,
       count(*) FILTER (WHERE in_now) AS now_lines,
       count(*) FILTER (WHERE in_now AND channel = 'ONLINE') AS now_online_lines,
       coalesce(sum(amount) FILTER (WHERE in_now), 0)::DECIMAL(38, 2) AS now_amount,
       coalesce(sum(amount) FILTER (WHERE in_now AND channel = 'ONLINE'), 0)::DECIMAL(38, 2) AS now_online,
       count(*) FILTER (WHERE in_ye) AS ye_lines,
       count(*) FILTER (WHERE in_ye AND channel = 'ONLINE') AS ye_online_lines,
       coalesce(sum(amount) FILTER (WHERE in_ye), 0)::DECIMAL(38, 2) AS ye_amount,
       coalesce(sum(amount) FILTER (WHERE in_ye AND channel = 'ONLINE'), 0)::DECIMAL(38, 2) AS ye_online
FROM (SELECT customer_id, channel, amount,
             order_date BETWEEN getvariable('state_now_from') AND getvariable('state_now_to') AS in_now,
             order_date BETWEEN getvariable('state_ye_from') AND getvariable('state_ye_to') AS in_ye
      FROM classified_lines
      WHERE quantity > 0 AND customer_id <> 'UNIDENTIFIED')
GROUP BY customer_id;

CREATE TEMP TABLE customers AS
WITH totals AS (
    SELECT customer_id,
           count(DISTINCT order_id) AS orders,
           sum(amount)::DECIMAL(38, 2) AS net_revenue,
           coalesce(sum(amount) FILTER (WHERE channel = 'ONLINE'), 0)::DECIMAL(38, 2) AS online_revenue,
           max(order_date) AS last_order_date
    FROM classified_lines
    WHERE customer_id <> 'UNIDENTIFIED'
    GROUP BY customer_id
)
SELECT s.customer_id, s.region, s.owner_rep_id, s.first_order_date, s.acquisition_channel, s.segment,
       strftime(s.first_order_date, '%Y-%m') AS cohort_month,
       t.orders, t.net_revenue, t.online_revenue, t.last_order_date,
       channel_state(coalesce(w.now_lines, 0), w.now_online_lines, w.now_amount, w.now_online) AS channel_state,
       channel_state(coalesce(w.ye_lines, 0), w.ye_online_lines, w.ye_amount, w.ye_online) AS channel_state_year_earlier,
       written_share(coalesce(w.now_lines, 0), w.now_online_lines, w.now_amount, w.now_online) AS online_share,
       written_share(coalesce(w.ye_lines, 0), w.ye_online_lines, w.ye_amount, w.ye_online) AS online_share_year_earlier
FROM customer_segments s
JOIN totals t ON t.customer_id = s.customer_id
LEFT JOIN customer_windows w ON w.customer_id = s.customer_id;
