#!/usr/bin/env bash
# Nightly on YARN (client mode keeps the one-line exit reason and the exit code on this host).
# Build the jar first: mvn -B -q package -Pcluster -DskipTests
# A --conf given here wins over the job's own sizing (SparkSessions): pass only what you mean to fix.
# Downstream readers wait for <reports>/as_of=YYYY-MM-DD/_SUCCESS (the job writes it last).
set -euo pipefail
cd "$(dirname "$0")/.."
spark-submit \
  --master yarn \
  --deploy-mode client \
  --class com.channelexpansion.cli.ChannelExpansion \
  --driver-memory 2g --executor-memory 4g --num-executors 4 --executor-cores 2 \
  --driver-java-options "-Dlog4j2.configurationFile=jobs/log4j2-cluster.properties" \
  target/channel-expansion-cluster.jar nightly \
  --input hdfs:///channel-expansion/exports \
  --reference /etc/channel-expansion/reference \
  --config /etc/channel-expansion/config \
  --warehouse hdfs:///channel-expansion/warehouse \
  --reports hdfs:///channel-expansion/reports
