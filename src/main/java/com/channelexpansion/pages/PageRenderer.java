package com.channelexpansion.pages;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.util.Map;

/**
 * Renders a page to HTML with the Mustache template pages/page.mustache (HTML-escaped by default;
 * only the inlined style, scripts and the already script-safe JSON are written raw).
 */
final class PageRenderer {
  private final Mustache template;
  private final PageView.Assets assets;

  PageRenderer() {
    this.template = new DefaultMustacheFactory().compile("pages/page.mustache");
    this.assets = PageAssets.load();
  }

  /** The page's HTML; {@code teamLinks} maps team name to its page, relative to this page. */
  String render(PageModel page, Map<String, String> teamLinks) {
    StringWriter out = new StringWriter();
    template.execute(out, PageViews.of(page, teamLinks, assets));
    return out.toString();
  }
}
