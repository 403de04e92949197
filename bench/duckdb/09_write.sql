-- Step 9: write the three tables as Parquet into --out (sorted by their natural keys).
-- Column names and types as the job's reports (PRODUCT.md "Outputs", docs/definitions.md
-- section 8): money DECIMAL(38,2), dates DATE, months yyyy-MM strings.
COPY (FROM customers ORDER BY customer_id)
  TO (getvariable('out_dir') || '/customers.parquet') (FORMAT parquet);
COPY (FROM revenue_monthly ORDER BY month, region, segment, order_channel)
  TO (getvariable('out_dir') || '/revenue_monthly.parquet') (FORMAT parquet);
COPY (FROM commissions ORDER BY month, rep_id, plan_id)
  TO (getvariable('out_dir') || '/commissions.parquet') (FORMAT parquet);
