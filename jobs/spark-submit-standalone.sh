#!/usr/bin/env bash
# Nightly on a Spark standalone cluster. Build the jar first: mvn -B -q package -Pcluster -DskipTests
# Paths must be readable by the driver (definitions) and by the executors (exports, warehouse,
# reports): a shared file system or HDFS/S3 URIs.
# Downstream readers wait for <reports>/as_of=YYYY-MM-DD/_SUCCESS (the job writes it last).
set -euo pipefail
cd "$(dirname "$0")/.."
spark-submit \
  --master "${SPARK_MASTER:-spark://spark-master:7077}" \
  --deploy-mode client \
  --class com.channelexpansion.cli.ChannelExpansion \
  --driver-memory 2g --executor-memory 4g --total-executor-cores 8 \
  --driver-java-options "-Dlog4j2.configurationFile=jobs/log4j2-cluster.properties" \
  target/channel-expansion-cluster.jar nightly \
  --input hdfs:///channel-expansion/exports \
  --reference /etc/channel-expansion/reference \
  --config /etc/channel-expansion/config \
  --warehouse hdfs:///channel-expansion/warehouse \
  --reports hdfs:///channel-expansion/reports
