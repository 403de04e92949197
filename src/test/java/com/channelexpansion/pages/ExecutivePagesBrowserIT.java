package com.channelexpansion.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The executive pages in a real browser: the company page and one team page, written from the
 * samples' tables to target/executive-pages/, opened in headless Chromium at 1366x768. Fails on
 * any console error, script exception, failed or outside request, on a chart that drew nothing,
 * and on a page wider than the screen. Saves screenshots (and an A4 landscape PDF) under
 * target/pages-screenshots/ for a person to look at.
 *
 * <p>Without Chromium it fails when CI=true (.ci/run installs it) and is skipped otherwise.
 */
class ExecutivePagesBrowserIT {
  static final int WIDTH = 1366;
  static final int HEIGHT = 768;
  static final Path PAGES = Path.of("target/executive-pages");
  static final Path SCREENSHOTS = Path.of("target/pages-screenshots");

  static HeadlessChromium browser;

  @BeforeAll
  static void writePagesAndStartChromium() throws Exception {
    Path binary = HeadlessChromium.find().orElse(null);
    if (binary == null) {
      String message = "Chromium is not installed (looked for $CHROMIUM_BIN and " + HeadlessChromium.BINARIES
          + " on the PATH): install it with apt-get install -y chromium (.ci/run does)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message);
    }
    deleteTree(PAGES);
    Files.createDirectories(PAGES);
    Files.createDirectories(SCREENSHOTS);
    List<PageModel> teams = SamplePages.teams().stream().map(SamplePages::team).toList();
    ExecutivePages.write(SamplePages.company(), teams, new org.apache.hadoop.fs.Path(PAGES.toAbsolutePath().toUri()),
        ExecutivePagesTest.localFs());
    browser = HeadlessChromium.start(binary, WIDTH, HEIGHT);
  }

  @AfterAll
  static void stopChromium() throws Exception {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void companyPageLoadsCleanlyDrawsEveryChartAndFitsTheScreen() throws Exception {
    checkPage(PAGES.resolve("report.html"), "company", 6);
  }

  @Test
  void teamPageLoadsCleanlyDrawsEveryChartAndFitsTheScreen() throws Exception {
    checkPage(PAGES.resolve("teams/north-field.html"), "team", 6);
  }

  @Test
  void theCheckSeesAConsoleErrorAndAFailedRequest() throws Exception {
    Path broken = Files.writeString(Path.of("target/browser-check-broken.html"),
        "<!DOCTYPE html><html><body><img src=\"missing.png\" alt=\"\">"
            + "<script>console.error('drawn badly')</script></body></html>");
    try (DevToolsSession tab = browser.openPage()) {
      for (String domain : List.of("Runtime", "Log", "Network", "Page")) {
        tab.send(domain + ".enable", Map.of());
      }
      tab.clearEvents();
      String url = broken.toAbsolutePath().toUri().toString();
      tab.send("Page.navigate", Map.of("url", url));
      tab.awaitEvent("Page.loadEventFired");
      String found = String.join("\n", problems(tab, url));
      assertTrue(found.contains("drawn badly"), () -> "the console error is seen: " + found);
      assertTrue(found.contains("missing.png"), () -> "the failed request is seen: " + found);
    }
  }

  private void checkPage(Path page, String name, int charts) throws Exception {
    try (DevToolsSession tab = browser.openPage()) {
      for (String domain : List.of("Runtime", "Log", "Network", "Page")) {
        tab.send(domain + ".enable", Map.of());
      }
      tab.send("Emulation.setDeviceMetricsOverride",
          Map.of("width", WIDTH, "height", HEIGHT, "deviceScaleFactor", 1, "mobile", false));
      tab.clearEvents();
      String url = page.toAbsolutePath().toUri().toString();
      tab.send("Page.navigate", Map.of("url", url));
      tab.awaitEvent("Page.loadEventFired");
      evaluate(tab, "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))");

      assertEquals(List.of(), problems(tab, url), name + ": console errors, exceptions or requests");
      JsonNode state = evaluate(tab, PageProbe.SCRIPT);
      assertTrue(state.path("scrollWidth").asInt() <= WIDTH,
          () -> name + " is wider than the screen: " + state.path("scrollWidth") + " px");
      assertEquals(charts, state.path("charts").size(), name + ": charts in the page data");
      for (JsonNode chart : state.path("charts")) {
        assertTrue(chart.path("series").asInt() > 0, () -> name + ": chart has no series: " + chart);
        assertTrue(chart.path("shapes").asInt() > 0, () -> name + ": chart drew no shape: " + chart);
        assertTrue(chart.path("width").asDouble() > 100 && chart.path("height").asDouble() > 100,
            () -> name + ": chart has no size: " + chart);
      }
      assertEquals(List.of(), problems(tab, url), name + ": console errors, exceptions or requests");
      saveScreenshot(tab, name);
    }
  }

  /** Console errors, exceptions, failed requests and any request for something else than the page. */
  private static List<String> problems(DevToolsSession tab, String pageUrl) {
    List<String> problems = new ArrayList<>();
    tab.events("Runtime.consoleAPICalled").stream()
        .filter(e -> List.of("error", "assert").contains(e.path("type").asText()))
        .forEach(e -> problems.add("console." + e.path("type").asText() + ": " + e.path("args")));
    tab.events("Runtime.exceptionThrown").forEach(e -> problems.add("exception: " + e.path("exceptionDetails")));
    tab.events("Log.entryAdded").stream()
        .filter(e -> e.path("entry").path("level").asText().equals("error"))
        .forEach(e -> problems.add("log: " + e.path("entry").path("text").asText()));
    tab.events("Network.loadingFailed").forEach(e -> problems.add("failed request: " + e));
    tab.events("Network.requestWillBeSent").stream()
        .map(e -> e.path("request").path("url").asText())
        .filter(url -> !url.equals(pageUrl))
        .forEach(url -> problems.add("request: " + url));
    return problems;
  }

  private static JsonNode evaluate(DevToolsSession tab, String expression) throws IOException {
    JsonNode result = tab.send("Runtime.evaluate",
        Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
    if (result.has("exceptionDetails")) {
      throw new AssertionError("script failed: " + result.get("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  /** The whole page as PNG at the screen's width, and as an A4 landscape PDF. */
  private static void saveScreenshot(DevToolsSession tab, String name) throws IOException {
    JsonNode metrics = tab.send("Page.getLayoutMetrics", Map.of());
    double height = metrics.path("cssContentSize").path("height").asDouble();
    JsonNode shot = tab.send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
        "clip", Map.of("x", 0, "y", 0, "width", WIDTH, "height", height, "scale", 1)));
    Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode(shot.path("data").asText()));
    JsonNode pdf = tab.send("Page.printToPDF", Map.of("landscape", true, "printBackground", true,
        "preferCSSPageSize", true));
    Files.write(SCREENSHOTS.resolve(name + ".pdf"), Base64.getDecoder().decode(pdf.path("data").asText()));
  }

  private static void deleteTree(Path root) throws IOException {
    if (Files.exists(root)) {
      try (var files = Files.walk(root)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }
}
