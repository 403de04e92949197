#!/usr/bin/env bash
# Nightly on Kubernetes, driver in client mode on the scheduler's pod (so its exit code is the
# job's). The image needs Spark 4.2 (Scala 2.13) and Java 17; the jar is shipped with the job.
# Build the jar first: mvn -B -q package -Pcluster -DskipTests
# Downstream readers wait for <reports>/as_of=YYYY-MM-DD/_SUCCESS (the job writes it last).
set -euo pipefail
cd "$(dirname "$0")/.."
# s3a:// needs hadoop-aws (the version of the image's Hadoop client) and the AWS SDK v2 in the
# image; S3A takes SDK v2 credential providers (docs/cluster.md).
spark-submit \
  --master "k8s://https://${KUBERNETES_SERVICE_HOST:-kubernetes.default.svc}:443" \
  --deploy-mode client \
  --class com.channelexpansion.cli.ChannelExpansion \
  --conf spark.kubernetes.container.image="${SPARK_IMAGE:-apache/spark:4.2.0-scala2.13-java17-ubuntu}" \
  --conf spark.kubernetes.namespace="${NAMESPACE:-analytics}" \
  --conf spark.executor.instances=4 \
  --conf spark.driver.host="$(hostname -i)" \
  --conf spark.hadoop.fs.s3a.aws.credentials.provider=software.amazon.awssdk.auth.credentials.WebIdentityTokenFileCredentialsProvider \
  --driver-java-options "-Dlog4j2.configurationFile=jobs/log4j2-cluster.properties" \
  target/channel-expansion-cluster.jar nightly \
  --input s3a://channel-expansion/exports \
  --reference /etc/channel-expansion/reference \
  --config /etc/channel-expansion/config \
  --warehouse s3a://channel-expansion/warehouse \
  --reports s3a://channel-expansion/reports
