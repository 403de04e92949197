// Draws the page's charts with Apache ECharts (inlined above) from the page data: every value a
// cell of the page's tables. SVG renderer: crisp on screen and in print. No animation, so a
// screenshot or a printout shows the final chart.
(function () {
  'use strict';
  var OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#56B4E9', '#CC79A7', '#F0E442', '#000000'];
  var data = JSON.parse(document.getElementById('page-data').textContent);
  var currency = data.page.currency;
  var grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
  var compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

  function valueText(unit, value) {
    if (value === null || value === undefined) { return 'n/a'; }
    if (unit === 'ratio') { return (value * 100).toFixed(2) + '%'; }
    if (unit === 'money') { return currency + ' ' + grouped.format(value); }
    return grouped.format(value);
  }

  function axisText(unit, value) {
    return unit === 'ratio' ? Math.round(value * 100) + '%' : compact.format(value);
  }

  // A legend that wraps (every entry shows, on paper too) and the plot below it.
  function legendHeight(spec, width) {
    var chars = spec.series.reduce(function (sum, s) { return sum + s.name.length + 6; }, 0);
    return 24 * Math.max(1, Math.ceil(chars * 7.5 / Math.max(width - 40, 200)));
  }

  function option(spec, width) {
    var horizontal = spec.kind === 'hbar';
    var categoryAxis = { type: 'category', data: spec.categories, inverse: horizontal,
      axisLabel: { hideOverlap: !horizontal, interval: horizontal ? 0 : 'auto' } };
    var valueAxis = { type: 'value', axisLabel: { formatter: function (v) { return axisText(spec.unit, v); } } };
    return {
      color: OKABE_ITO,
      animation: false,
      aria: { enabled: true },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return valueText(spec.unit, v); } },
      legend: { type: 'plain', top: 0 },
      grid: { left: 12, right: 24, top: 12 + legendHeight(spec, width), bottom: 8, containLabel: true },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: spec.series.map(function (s) {
        return {
          name: s.name,
          type: spec.kind === 'line' ? 'line' : 'bar',
          stack: spec.stacked ? 'total' : undefined,
          emphasis: { focus: 'series' },
          barMaxWidth: 64,
          data: s.values.map(function (text) { return text === '' ? null : Number(text); })
        };
      })
    };
  }

  var charts = [];
  data.charts.forEach(function (spec) {
    var element = document.getElementById(spec.id);
    if (element) {
      var chart = echarts.init(element, null, { renderer: 'svg' });
      chart.setOption(option(spec, element.clientWidth));
      charts.push(chart);
    }
  });

  function resizeAll() { charts.forEach(function (chart) { chart.resize(); }); }
  window.addEventListener('resize', resizeAll);
  // On paper the tables under the charts are shown and the charts take the page's width.
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details').forEach(function (d) { d.open = true; });
    resizeAll();
  });
  window.addEventListener('afterprint', resizeAll);
})();
