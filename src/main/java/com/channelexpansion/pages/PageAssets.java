package com.channelexpansion.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The files inlined into every page, read from the classpath: the page's style and script
 * (src/main/resources/pages/) and Apache ECharts' minified build from its WebJar. The WebJar's
 * version is read from its Maven metadata, so a version bump in the pom needs no code change.
 */
final class PageAssets {
  static final String ECHARTS_POM = "META-INF/maven/org.webjars.npm/echarts/pom.properties";
  /** Line, bar, pie and scatter charts with the SVG renderer: what the pages draw, at 650 kB. */
  static final String ECHARTS_BUILD = "dist/echarts.common.min.js";

  private PageAssets() {}

  static PageView.Assets load() {
    return new PageView.Assets(
        resource("pages/page.css"), inScript(echarts()), inScript(resource("pages/charts.js")), "");
  }

  /**
   * Script text made safe inside a script element: a {@code </script} or {@code <!--} in it
   * (inside a JS string, where {@code <\/} means the same) would end or confuse the element.
   */
  static String inScript(String js) {
    return js.replaceAll("(?i)</(script)", "<\\\\/$1").replace("<!--", "<\\!--");
  }

  /** ECharts' minified script from the WebJar on the classpath. */
  static String echarts() {
    Properties pom = new Properties();
    try (InputStream in = open(ECHARTS_POM)) {
      pom.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + ECHARTS_POM + ": " + e.getMessage(), e);
    }
    return resource("META-INF/resources/webjars/echarts/" + pom.getProperty("version") + "/" + ECHARTS_BUILD);
  }

  static String resource(String name) {
    try (InputStream in = open(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + name + ": " + e.getMessage(), e);
    }
  }

  private static InputStream open(String name) throws IOException {
    InputStream in = PageAssets.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException("not on the classpath (is org.webjars.npm:echarts a dependency?)");
    }
    return in;
  }
}
