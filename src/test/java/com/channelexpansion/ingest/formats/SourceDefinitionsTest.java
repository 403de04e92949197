package com.channelexpansion.ingest.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.channelexpansion.config.ConfigurationException;
import com.channelexpansion.ingest.read.ExportFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceDefinitionsTest {
  @TempDir Path config;

  private static final String KEY = "a-secret-of-at-least-16";

  private void shipMappings() throws Exception {
    Files.copy(Path.of("mappings/northwind.csv"), config.resolve("northwind.csv"));
    Files.copy(Path.of("mappings/uci-online-retail.csv"), config.resolve("uci.csv"));
  }

  private SourceFormats load(String sources) {
    FormatFixtures.write(config, "sources.csv", sources);
    return SourceDefinitions.load(config, Map.of("SHOP_KEY", KEY)::get);
  }

  private static ExportFile file(String path) {
    return new ExportFile(path, "file:/in/" + path, 10, 0, "0".repeat(64));
  }

  @Test
  void withoutSourcesCsvEverythingIsCanonical() {
    SourceFormats formats = SourceDefinitions.load(config);
    assertSame(CanonicalFormat.INSTANCE, formats.forFile("2024/03/export.csv"));
  }

  @Test
  void theLongestFolderWinsAndTheRootTakesTheRest() throws Exception {
    shipMappings();
    SourceFormats formats =
        load(
            "folder,format,mapping,customer_key\n"
                + ".,shopify,,env:SHOP_KEY\n"
                + "erp/,mapped,northwind.csv,\n"
                + "erp/uk,MAPPED,uci.csv,\n"
                + "./legacy,canonical,,\n");
    assertTrue(formats.forFile("orders_export.csv") instanceof ShopifyOrdersFormat);
    assertTrue(formats.forFile("shop/2024/orders_export.csv") instanceof ShopifyOrdersFormat);
    assertEquals("northwind.csv", ((MappedFormat) formats.forFile("erp/orders.csv")).mapping().mappingFile());
    assertEquals("uci.csv", ((MappedFormat) formats.forFile("erp/uk/2010/retail.csv")).mapping().mappingFile());
    assertSame(CanonicalFormat.INSTANCE, formats.forFile("legacy/a.csv"));
    // "erp" does not claim "erpx".
    assertTrue(formats.forFile("erpx/a.csv") instanceof ShopifyOrdersFormat);
  }

  @Test
  void formatsSurviveJavaSerializationLikeSparkShipsThem() throws Exception {
    shipMappings();
    SourceFormats formats = load("folder,format,mapping,customer_key\nshop,shopify,,env:SHOP_KEY\nuk,mapped,uci.csv,\n");
    var bytes = new java.io.ByteArrayOutputStream();
    try (var out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(formats);
    }
    SourceFormats copy;
    try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (SourceFormats) in.readObject();
    }
    // The copy still pseudonymizes with the key and still parses the UCI date pattern.
    var shop =
        FormatFixtures.all(
            copy.forFile("shop/o.csv")
                .read("shop/o.csv", FormatFixtures.utf8("Name,Email,Created at,Source,Lineitem quantity,Lineitem price,Currency\n#1,a@b.c,2024-01-01,web,1,1,USD\n")));
    assertEquals(new CustomerPseudonymizer(KEY).pseudonym("email", "a@b.c"), shop.get(0).line().customerId());
    var uk =
        FormatFixtures.all(
            copy.forFile("uk/r.csv")
                .read("uk/r.csv", FormatFixtures.utf8("InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID\n5,S,1,01/12/2010 08:26,2.55,17850\n")));
    assertEquals("2010-12-01T08:26:00", uk.get(0).line().orderTimestamp());
    assertEquals("1", uk.get(0).line().lineNumber());
  }

  @Test
  void planPairsHeaderAndDetailFilesAndSkipsOtherFiles() throws Exception {
    shipMappings();
    SourceFormats formats = load("folder,format,mapping\nnw,mapped,northwind.csv\n");
    ReadPlan plan =
        formats.plan(
            List.of(
                file("daily.csv"),
                file("nw/customers.csv"),
                file("nw/order-details-0301.csv"),
                file("nw/order-details.csv"),
                file("nw/orders-0301.csv"),
                file("nw/orders.csv")));
    assertEquals(3, plan.reads().size());
    assertNull(plan.reads().get(0).lineFile());
    assertEquals("nw/order-details-0301.csv", plan.reads().get(1).lineFile().relativePath());
    assertEquals("nw/orders-0301.csv", plan.reads().get(1).file().relativePath());
    assertEquals("nw/order-details.csv", plan.reads().get(2).lineFile().relativePath());
    assertEquals(List.of("nw/customers.csv"), plan.notExports());
  }

  @Test
  void halfPairsStopTheRun() throws Exception {
    shipMappings();
    SourceFormats formats = load("folder,format,mapping\nnw,mapped,northwind.csv\n");
    assertTrue(
        assertThrows(ConfigurationException.class, () -> formats.plan(List.of(file("nw/orders-1.csv"))))
            .getMessage()
            .contains("order file nw/orders-1.csv has no line file nw/order-details-1.csv"));
    assertTrue(
        assertThrows(ConfigurationException.class, () -> formats.plan(List.of(file("nw/order-details-1.csv"))))
            .getMessage()
            .contains("line file nw/order-details-1.csv has no order file"));
  }

  @Test
  void sourcesMistakesNameTheLine() throws Exception {
    shipMappings();
    assertProblem("folder,format\n.,canonical\n./,shopify\n", "sources.csv line 3: folder \".\" is listed twice (first on line 2)");
    assertProblem("folder,format\na,excel\n", "sources.csv line 2: format \"excel\" is not one of canonical, shopify, mapped");
    assertProblem("folder,format\n../up,canonical\n", "sources.csv line 2: folder \"../up\" must be a plain folder");
    assertProblem("folder,format,customer_key\na,shopify,\n", "sources.csv line 2: format shopify needs a customer_key");
    assertProblem("folder,format,customer_key\na,shopify,short\n", "sources.csv line 2: customer_key is too short");
    assertProblem("folder,format,customer_key\na,shopify,env:NOPE\n", "sources.csv line 2: customer_key: environment variable NOPE is not set");
    assertProblem("folder,format,mapping\na,mapped,\n", "sources.csv line 2: format mapped needs a mapping");
    assertProblem("folder,format,mapping\na,mapped,nope.csv\n", "sources.csv line 2: mapping file \"nope.csv\" not found");
    assertProblem("folder,format,mapping\na,canonical,uci.csv\n", "sources.csv line 2: mapping is set but format canonical does not use it");
    FormatFixtures.write(config, "bad.csv", "key,value\norder_id,column:A\n");
    assertProblem("folder,format,mapping\na,mapped,bad.csv\n", "bad.csv line 1: required column line_number is not mapped");
  }

  private void assertProblem(String sources, String expectedStart) {
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> load(sources));
    assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
  }
}
