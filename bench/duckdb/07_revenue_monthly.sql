-- Step 7: revenue_monthly/ (one row per month x region x segment x order_channel with counted
-- lines). PRODUCT.md "Outputs" and rule 9 (the channel-expansion matrix: segment x line
-- channel); "revenue_monthly takes region from the customer; an order with lines in two
-- channels counts once in each channel's row"; UNIDENTIFIED lines: segment UNIDENTIFIED,
-- region UNKNOWN, customers 0.
CREATE TEMP TABLE revenue_monthly AS
SELECT month, region, segment, channel AS order_channel,
       count(DISTINCT customer_id) FILTER (WHERE customer_id <> 'UNIDENTIFIED') AS customers,
       count(DISTINCT order_id) AS orders,
       count(*) AS lines,
       sum(amount)::DECIMAL(38, 2) AS net_revenue
FROM classified_lines
GROUP BY month, region, segment, channel;
