package com.channelexpansion.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.channelexpansion.testing.SharedSpark;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** The job's shuffle sizing applies on a job's own session, and never over a user's setting. */
class SparkSessionsTest {
  @Test
  void aUsersSettingWinsOverTheJobsSizing() {
    SparkSession caller = SharedSpark.get().newSession();
    caller.conf().set("spark.sql.adaptive.enabled", "true");
    caller.conf().set("spark.databricks.delta.snapshotPartitions", "3");
    caller.conf().set("spark.example.notRegistered", "kept");
    SparkSession job = SparkSessions.forJob(caller);
    assertEquals("true", job.conf().get("spark.sql.adaptive.enabled"), "the caller's settings copied");
    assertEquals("3", job.conf().get("spark.databricks.delta.snapshotPartitions"), "a library's setting");
    assertEquals("kept", job.conf().get("spark.example.notRegistered"), "a setting no library registered yet");

    SparkConf user = new SparkConf(false).set("spark.sql.adaptive.enabled", "true");
    SparkSessions.sizeShufflesFor(job, 10, user);
    assertEquals("true", job.conf().get("spark.sql.adaptive.enabled"), "the user's --conf wins");
    assertEquals("1", job.conf().get("spark.sql.shuffle.partitions"), "sized: the user left it");

    SparkSessions.sizeShufflesFor(job, 10, new SparkConf(false));
    assertEquals("false", job.conf().get("spark.sql.adaptive.enabled"), "sized without a --conf");
    assertEquals("false", job.conf().get("spark.sql.codegen.wholeStage"), "few rows: interpreted");
    assertEquals("NO_CODEGEN", job.conf().get("spark.sql.codegen.factoryMode"), "few rows: expressions too");
    SparkSessions.sizeShufflesFor(job, 2_000_000, new SparkConf(false));
    assertEquals("true", job.conf().get("spark.sql.codegen.wholeStage"), "many rows: compiled");
    assertEquals("FALLBACK", job.conf().get("spark.sql.codegen.factoryMode"), "many rows: expressions too");
    assertEquals("4", job.conf().get("spark.sql.shuffle.partitions"), "about 500,000 rows a partition");
    assertEquals("true", caller.conf().get("spark.sql.adaptive.enabled"), "the caller's session kept");
  }
}
