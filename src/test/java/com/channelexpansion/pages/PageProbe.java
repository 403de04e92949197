package com.channelexpansion.pages;

/**
 * What the browser test reads from a loaded page: its width, and for each chart of the page data
 * whether ECharts holds series for it and how much its SVG drew.
 */
final class PageProbe {
  static final String SCRIPT = """
      (() => {
        const charts = JSON.parse(document.getElementById('page-data').textContent).charts;
        return {
          scrollWidth: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
          charts: charts.map(spec => {
            const box = document.getElementById(spec.id);
            const chart = box && echarts.getInstanceByDom(box);
            const svg = box && box.querySelector('svg');
            const size = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
            return {
              id: spec.id,
              series: chart ? chart.getOption().series.length : 0,
              shapes: svg ? svg.querySelectorAll('path, rect').length : 0,
              width: size.width,
              height: size.height
            };
          })
        };
      })()
      """;

  private PageProbe() {}
}
