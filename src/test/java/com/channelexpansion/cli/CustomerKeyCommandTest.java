package com.channelexpansion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.channelexpansion.ingest.formats.CustomerPseudonymizer;
import com.channelexpansion.ingest.formats.ShopifyOrdersFormat;
import com.channelexpansion.ingest.formats.SourceRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** customer-key prints the customer_id the Shopify reader gives each identity, without Spark. */
class CustomerKeyCommandTest {
  private static final String KEY = "0123456789abcdef-test-key";
  private static final String OTHER_KEY = "fedcba9876543210-other-key";

  @TempDir Path dir;

  private record Outcome(int code, List<String> out, List<String> err) {}

  private Outcome customerKey(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] command = new String[args.length + 1];
    command[0] = "customer-key";
    System.arraycopy(args, 0, command, 1, args.length);
    int code =
        ChannelExpansion.execute(
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            command);
    return new Outcome(code, out.toString().lines().toList(), err.toString().lines().toList());
  }

  private Path config(String sources) throws IOException {
    Path config = Files.createDirectories(dir.resolve("config"));
    Files.writeString(config.resolve("sources.csv"), sources);
    return config;
  }

  @Test
  void printsTheIdTheShopifyReaderGivesEachIdentity() throws IOException {
    Path config = config("folder,format,mapping,customer_key\nerp,canonical,,\nshop,shopify,,"
        + KEY + "\n");
    Outcome outcome =
        customerKey("\uFEFFcompany:Acme Corp\r\n\r\nEmail:  Ann@Example.com \nname:Dan   Ray\n",
            "--config", config.toString());

    assertEquals(0, outcome.code(), outcome.err().toString());
    assertEquals(List.of(), outcome.err());
    CustomerPseudonymizer key = new CustomerPseudonymizer(KEY);
    assertEquals(
        List.of(
            "company:Acme Corp\t" + key.pseudonym("company", "Acme Corp"),
            "Email:  Ann@Example.com \t" + key.pseudonym("email", "ann@example.com"),
            "name:Dan   Ray\t" + key.pseudonym("name", "dan ray")),
        outcome.out(),
        "identity echoed as given, a tab, the id; blank lines skipped");
    // The ids of the same customers read from a Shopify export (company, else e-mail, else name).
    assertEquals(
        List.of(
            outcome.out().get(0).split("\t")[1],
            outcome.out().get(1).split("\t")[1],
            outcome.out().get(2).split("\t")[1]),
        shopifyCustomerIds(
            "Name,Email,Currency,Created at,Lineitem quantity,Lineitem price,Billing Name,"
                + "Billing Company,Source\n"
                + "#1,ann@example.com,USD,2024-03-01 10:15:00 -0500,1,5.00,Ann Smith,ACME  corp,web\n"
                + "#2,ann@example.com,USD,2024-03-01 10:15:00 -0500,1,5.00,Ann Smith,,web\n"
                + "#3,,USD,2024-03-01 10:15:00 -0500,1,5.00,Dan Ray,,web\n"));
  }

  @Test
  void badLinesAreNamedOnStderrAndEndWithExitCodeThree() throws IOException {
    Path config = config("folder,format,customer_key\nshop,shopify," + KEY + "\n");
    Outcome outcome =
        customerKey("ann@example.com\nphone:555\nemail:  \nemail:ann@example.com\n",
            "--config", config.toString());

    assertEquals(ExitCode.CONFIGURATION, outcome.code());
    assertEquals(1, outcome.out().size(), "the good line is still printed: " + outcome.out());
    assertTrue(outcome.out().get(0).startsWith("email:ann@example.com\tcust_"), outcome.out().get(0));
    assertEquals(
        List.of(
            "channel-expansion: stdin line 1: no ':' (expected kind:text with kind company, email,"
                + " name, e.g. email:ann@example.com)",
            "channel-expansion: stdin line 2: unknown kind \"phone\" (expected company, email, name)",
            "channel-expansion: stdin line 3: nothing after \"email:\""),
        outcome.err());
  }

  @Test
  void severalShopifyFoldersNeedFolder() throws IOException {
    Path config =
        config("folder,format,customer_key\nshop/us,shopify," + KEY + "\n./shop/eu/,shopify,"
            + OTHER_KEY + "\n");
    Outcome ambiguous = customerKey("email:ann@example.com\n", "--config", config.toString());
    assertEquals(ExitCode.USAGE, ambiguous.code());
    assertTrue(
        String.join("\n", ambiguous.err()).contains("choose one with --folder (shop/us, shop/eu)"),
        ambiguous.err().toString());

    Outcome eu =
        customerKey("email:ann@example.com\n", "--config", config.toString(), "--folder", "shop/eu/");
    assertEquals(0, eu.code(), eu.err().toString());
    assertEquals(
        List.of("email:ann@example.com\t" + new CustomerPseudonymizer(OTHER_KEY).pseudonym("email", "ann@example.com")),
        eu.out());

    Outcome unknown =
        customerKey("email:ann@example.com\n", "--config", config.toString(), "--folder", "shop");
    assertEquals(ExitCode.USAGE, unknown.code());
    assertTrue(
        String.join("\n", unknown.err()).contains("--folder shop is not a shopify folder of sources.csv (shop/us, shop/eu)"),
        unknown.err().toString());
  }

  @Test
  void aConfigWithoutShopifySourceIsAConfigurationError() throws IOException {
    Path config = Files.createDirectories(dir.resolve("canonical-only"));
    Outcome outcome = customerKey("email:ann@example.com\n", "--config", config.toString());
    assertEquals(ExitCode.CONFIGURATION, outcome.code());
    assertEquals(1, outcome.err().size(), outcome.err().toString());
    assertTrue(outcome.err().get(0).contains("names no shopify folder"), outcome.err().get(0));
    assertEquals(List.of(), outcome.out());
  }

  private static List<String> shopifyCustomerIds(String export) {
    List<String> ids = new ArrayList<>();
    new ShopifyOrdersFormat(new CustomerPseudonymizer(KEY))
        .read("shop/orders_export.csv", new ByteArrayInputStream(export.getBytes(StandardCharsets.UTF_8)))
        .forEachRemaining((SourceRecord record) -> ids.add(record.line().customerId()));
    return ids;
  }
}
