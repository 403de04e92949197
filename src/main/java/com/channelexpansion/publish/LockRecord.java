package com.channelexpansion.publish;

import com.channelexpansion.io.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The content of one generation file of the warehouse lock: who holds it, since when, and its
 * heartbeat. The heartbeat lives here, in the content, not in a file time: object stores have
 * no settable modification time, and a content rewrite is one atomic whole-object PUT there.
 *
 * @param released true once the holder ended and gave the lock back (a tombstone: the file stays
 *     so that generation numbers never go down)
 */
record LockRecord(
    String runId,
    LockHolder holder,
    long generation,
    Instant startedAt,
    Instant heartbeatAt,
    boolean released) {

  LockRecord beat(Instant now) {
    return new LockRecord(runId, holder, generation, startedAt, now, false);
  }

  LockRecord release(Instant now) {
    return new LockRecord(runId, holder, generation, startedAt, now, true);
  }

  byte[] toJson() throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("run_id", runId);
    doc.put("host", holder.host());
    doc.put("pid", holder.pid());
    doc.put("process_start", holder.processStart() == null ? null : holder.processStart().toString());
    doc.put("scope", holder.scope());
    doc.put("generation", generation);
    doc.put("started_at", startedAt.toString());
    doc.put("heartbeat_at", heartbeatAt.toString());
    doc.put("released", released);
    return Json.MAPPER.writeValueAsBytes(doc);
  }

  /**
   * Reads a generation file's content; empty when it is not a complete record, which is what a
   * reader sees while its creator is still writing it (HDFS shows content on close).
   */
  static Optional<LockRecord> parse(byte[] content) {
    try {
      JsonNode doc = Json.MAPPER.readTree(content);
      if (doc == null || !doc.hasNonNull("heartbeat_at") || !doc.hasNonNull("run_id")) {
        return Optional.empty();
      }
      String processStart = doc.path("process_start").asText(null);
      LockHolder holder =
          new LockHolder(
              doc.path("host").asText(""),
              doc.path("pid").asLong(-1),
              processStart == null ? null : Instant.parse(processStart),
              doc.path("scope").asText(""));
      return Optional.of(
          new LockRecord(
              doc.get("run_id").asText(),
              holder,
              doc.path("generation").asLong(),
              Instant.parse(doc.path("started_at").asText(doc.get("heartbeat_at").asText())),
              Instant.parse(doc.get("heartbeat_at").asText()),
              doc.path("released").asBoolean(false)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** For the exit-5 message: enough for an operator to find the holder. */
  String describe() {
    return String.format(
        "run %s, pid %d on %s, since %s, heartbeat %s",
        runId, holder.pid(), holder.host(), startedAt, heartbeatAt);
  }
}
