-- Step 8: commissions/ (one row per month x credited rep x plan). PRODUCT.md rules 10 and 11,
-- "Customers, revenue, commission" (HOUSE included with commission 0.00 and multiplier 1;
-- credited_revenue includes lines that match no plan row; a quota <= 0 or missing means no
-- quota; tiers compare the exact attainment; the written attainment is HALF_UP to 6 places).

-- Rule 11: each counted line takes, per plan, the plan row in force on its order_date that
-- matches its channel and its customer's segment, the most specific winning: exact channel and
-- exact segment, then exact channel, then exact segment, then * and * (ORDER BY false < true).
-- No row = rate 0 and no quota credit. UNIDENTIFIED lines match only segment '*' rows.
-- The plan row depends only on (order_date, channel, segment): it is chosen once per plan and
-- distinct triple of the counted lines.
CREATE TEMP TABLE plan_terms AS
WITH keys AS (
    SELECT DISTINCT order_date, channel, segment FROM classified_lines
), matches AS (
    SELECT k.order_date, k.channel, k.segment, r.plan_id, r.rate, r.counts_toward_quota
    FROM keys k
    JOIN plan_rows r
      ON (r.effective_from IS NULL OR r.effective_from <= k.order_date)
     AND (r.effective_to IS NULL OR k.order_date <= r.effective_to)
     AND (r.order_channel = k.channel OR r.order_channel = '*')
     AND (r.segment = k.segment OR r.segment = '*')
    QUALIFY row_number() OVER (PARTITION BY k.order_date, k.channel, k.segment, r.plan_id
                               ORDER BY r.order_channel = '*', r.segment = '*') = 1
)
SELECT k.order_date, k.channel, k.segment, p.plan_id,
       coalesce(m.rate, 0) AS rate, coalesce(m.counts_toward_quota, false) AS counts_toward_quota
FROM keys k
CROSS JOIN plans p
LEFT JOIN matches m ON m.order_date = k.order_date AND m.channel = k.channel AND m.segment = k.segment
                   AND m.plan_id = p.plan_id;

-- base = sum(rate * amount), exact; quota_credit = sum(amount) of lines whose row counts toward
-- quota; attainment = quota_credit / quota; multiplier = the plan's tier with the greatest
-- min_attainment <= attainment (compared exactly: quota_credit >= min_attainment * quota; none
-- or no quota: 1); commission = round_half_up(base * multiplier, 2); HOUSE earns none.
-- Returns lower the month in which they are booked (a month's commission may be negative).
CREATE TEMP TABLE commissions AS
WITH daily AS (
    -- the rep's lines summed per day, channel and segment (sum(rate * amount) = rate * sum(amount))
    SELECT month, credited_rep_id, order_date, channel, segment, sum(amount) AS amount
    FROM classified_lines
    GROUP BY month, credited_rep_id, order_date, channel, segment
), sums AS (
    SELECT d.month, d.credited_rep_id AS rep_id, t.plan_id,
           sum(d.amount)::DECIMAL(38, 2) AS credited_revenue,
           coalesce(sum(d.amount) FILTER (WHERE d.channel = 'ONLINE'), 0)::DECIMAL(38, 2) AS online_credited_revenue,
           sum(t.rate * d.amount::DECIMAL(38, 2)) AS base,
           coalesce(sum(d.amount) FILTER (WHERE t.counts_toward_quota), 0)::DECIMAL(38, 2) AS quota_credit
    FROM daily d
    JOIN plan_terms t ON t.order_date = d.order_date AND t.channel = d.channel AND t.segment = d.segment
    GROUP BY d.month, d.credited_rep_id, t.plan_id
), with_quota AS (
    SELECT s.*, CASE WHEN s.rep_id <> 'HOUSE' AND q.quota_amount > 0 THEN q.quota_amount END AS quota_amount
    FROM sums s LEFT JOIN quotas q ON q.rep_id = s.rep_id AND q.month = s.month
), with_tier AS (
    SELECT w.*,
           (SELECT arg_max(t.multiplier, t.min_attainment) FROM tiers t
            WHERE t.plan_id = w.plan_id
              AND w.quota_credit >= t.min_attainment::DECIMAL(38, 6) * w.quota_amount) AS tier_multiplier,
           div_half_up_scaled(cents(w.quota_credit), cents(w.quota_amount), 6) AS attainment_scaled
    FROM with_quota w
)
SELECT month, rep_id, plan_id, credited_revenue, online_credited_revenue,
       quota_amount::DECIMAL(18, 2) AS quota_amount,
       CASE WHEN quota_amount IS NOT NULL AND abs(attainment_scaled) < 1000000000000000000
            THEN (attainment_scaled::DECIMAL(38, 0) * 0.000001)::DECIMAL(18, 6) END AS attainment,
       CASE WHEN quota_amount IS NULL THEN 1 ELSE coalesce(tier_multiplier, 1) END::DECIMAL(9, 4) AS multiplier,
       CASE WHEN rep_id = 'HOUSE' THEN 0
            ELSE round(base * CASE WHEN quota_amount IS NULL THEN 1 ELSE coalesce(tier_multiplier, 1) END, 2)
       END::DECIMAL(38, 2) AS commission
FROM with_tier;
