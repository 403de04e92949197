package com.channelexpansion.pages;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A written page as a test reads it: its HTML and the JSON of its page-data block. */
record RenderedPage(String html, JsonNode data) {
  private static final String OPEN = "<script type=\"application/json\" id=\"page-data\">";

  static RenderedPage read(Path file) throws IOException {
    String html = Files.readString(file, StandardCharsets.UTF_8);
    int start = html.indexOf(OPEN);
    assertTrue(start >= 0, () -> file + " has no page-data block");
    int end = html.indexOf("</script>", start);
    return new RenderedPage(html, new ObjectMapper().readTree(html.substring(start + OPEN.length(), end)));
  }

  /** Table {@code name} of the page data, as header and text rows. */
  PageTable table(String name) {
    JsonNode table = data.path("tables").path(name);
    assertTrue(table.isObject(), () -> "page data has no table " + name);
    List<String> header = new ArrayList<>();
    table.path("header").forEach(cell -> header.add(cell.asText()));
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode row : table.path("rows")) {
      List<String> cells = new ArrayList<>();
      row.forEach(cell -> cells.add(cell.asText()));
      rows.add(cells);
    }
    return new PageTable(header, rows);
  }

  /** The chart with id {@code id}, or a missing node. */
  JsonNode chart(String id) {
    for (JsonNode chart : data.path("charts")) {
      if (chart.path("id").asText().equals(id)) {
        return chart;
      }
    }
    return data.path("charts").path("missing");
  }
}
