package com.channelexpansion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.channelexpansion.testing.SharedSpark;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's hostile files, each through the ingest command on data-samples' definitions: names
 * the file system layer cannot take, symbolic links, a Shopify export in a canonical folder, a
 * re-delivered file that removes lines.
 */
class HostileFilesTest {
  private static final String HEADER =
      "order_id,line_number,order_timestamp,customer_id,order_source,quantity,unit_price,currency\n";

  @TempDir Path dir;

  private record Outcome(int code, String err) {}

  private Outcome ingest(Path input) {
    SharedSpark.get();
    StringWriter err = new StringWriter();
    int code =
        ChannelExpansion.execute(
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true),
            "ingest", "--input", input.toString(),
            "--config", "data-samples/config", "--reference", "data-samples/reference",
            "--warehouse", warehouse().toString());
    return new Outcome(code, err.toString());
  }

  private Path warehouse() {
    return dir.resolve("warehouse");
  }

  private JsonNode manifest() throws IOException {
    return new ObjectMapper().readTree(warehouse().resolve("ingest_manifest.json").toFile());
  }

  private static String lines(String order, int count, String quantity) {
    StringBuilder rows = new StringBuilder(HEADER);
    for (int line = 1; line <= count; line++) {
      rows.append(order).append(',').append(line).append(",2026-10-01T10:00:00Z,C00001,WEB,")
          .append(quantity).append(",10.00,USD\n");
    }
    return rows.toString();
  }

  private List<String> orderLineFiles() {
    return com.channelexpansion.testing.TableContents.orderLines(warehouse())
        .select("source_file").distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
  }

  @Test
  void aColonInAFileNameIsReadNotAStopOfTheNight() throws IOException {
    Path input = Files.createDirectories(dir.resolve("input/2026"));
    Files.writeString(input.resolve("orders 10:30.csv"), lines("COLON1", 2, "1"));
    Files.writeString(input.resolve("orders-plain.csv"), lines("PLAIN1", 1, "1"));

    Outcome outcome = ingest(dir.resolve("input"));

    assertEquals(ExitCode.SUCCESS, outcome.code(), outcome.err());
    assertEquals(
        List.of("2026/orders 10:30.csv", "2026/orders-plain.csv"),
        orderLineFiles().stream().sorted().toList());
    assertEquals(3, manifest().path("rows").path("accepted").asLong());
  }

  @Test
  void aSymbolicLinkBelowInputIsNotFollowedAndNamedInTheManifest() throws IOException {
    Path input = Files.createDirectories(dir.resolve("input"));
    Files.writeString(input.resolve("orders.csv"), lines("OK1", 1, "1"));
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("secret.csv"), HEADER + "S1,1,2026-10-01,SECRET,WEB,1,1,USD\n");
    Files.createSymbolicLink(input.resolve("passwd.csv"), Path.of("/etc/passwd"));
    Files.createSymbolicLink(input.resolve("linked-folder"), outside);

    Outcome outcome = ingest(input);

    assertEquals(ExitCode.SUCCESS, outcome.code(), outcome.err());
    assertEquals(List.of("orders.csv"), orderLineFiles());
    assertEquals(0, manifest().path("rows").path("rejected").asLong(), "nothing of /etc/passwd read");
    assertEquals(
        List.of("linked-folder", "passwd.csv"),
        List.of(manifest().path("warnings").path("symbolic_links").get(0).asText(),
            manifest().path("warnings").path("symbolic_links").get(1).asText()));
  }

  @Test
  void aShopifyExportInACanonicalFolderExitsThreeBeforeAnyRowIsStored() throws IOException {
    Path input = Files.createDirectories(dir.resolve("input/web"));
    Files.writeString(input.resolve("a-orders.csv"), lines("OK1", 1, "1"));
    Files.writeString(
        input.resolve("orders_export.csv"),
        "Name,Email,Financial Status,Currency,Created at,Lineitem quantity,Lineitem name,"
            + "Lineitem price,Billing Name,Billing Phone\n"
            + "#1001,ana@buyer.example,paid,USD,2026-10-01 10:15:00 -0500,2,Widget,10.00,"
            + "Ana Lopez,+1 555 0100\n");

    Outcome outcome = ingest(dir.resolve("input"));

    assertEquals(ExitCode.CONFIGURATION, outcome.code(), outcome.err());
    List<String> errLines = outcome.err().lines().filter(l -> !l.isBlank()).toList();
    assertEquals(1, errLines.size(), outcome.err());
    assertTrue(errLines.get(0).startsWith("channel-expansion: "), outcome.err());
    assertTrue(errLines.get(0).contains("web/orders_export.csv is a Shopify export"), outcome.err());
    assertTrue(errLines.get(0).contains("folder web with format shopify"), outcome.err());
    assertFalse(Files.exists(warehouse().resolve("rejects")), "no row stored");
    assertFalse(Files.exists(warehouse().resolve("order_lines")), "no row stored");
  }

  @Test
  void aReDeliveredFileWithFewerLinesWarnsWithTheirNumberAndAmount() throws IOException {
    Path input = Files.createDirectories(dir.resolve("input"));
    Files.writeString(input.resolve("other.csv"), lines("KEEP1", 1, "1"));
    Path daily = input.resolve("daily.csv");
    Files.writeString(daily, lines("RD1", 3, "2"));
    assertEquals(ExitCode.SUCCESS, ingest(input).code());
    assertEquals(0, manifest().path("warnings").path("removed_lines").path("lines").asLong());

    // Re-delivered with line 1 only, and line 1 now a return: lines 2 and 3 leave order_lines.
    Files.writeString(daily, lines("RD1", 1, "-1"));
    Outcome outcome = ingest(input);

    assertEquals(ExitCode.SUCCESS, outcome.code(), outcome.err());
    JsonNode removed = manifest().path("warnings").path("removed_lines");
    assertEquals(2, removed.path("lines").asLong(), removed.toString());
    assertEquals(0, new BigDecimal("40.00").compareTo(removed.path("amount").decimalValue()), removed.toString());
    assertEquals(
        "daily.csv",
        java.util.stream.StreamSupport.stream(removed.path("redelivered_files").spliterator(), false)
            .map(JsonNode::asText).collect(Collectors.joining(",")));
    assertEquals(List.of("daily.csv", "other.csv"), orderLineFiles().stream().sorted().toList());
  }
}
