package com.channelexpansion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The production packages form no cycle (issue 14): a package either sits below another or above
 * it, so each can be read, tested and changed from the bottom up. Sub-packages count as packages
 * of their own ({@code ingest.read} is not part of {@code ingest}).
 */
class PackageCyclesTest {
  private static final PackageGraph MAIN = PackageGraph.scan(Path.of("src/main/java"));

  @Test
  void productionPackagesHaveNoCycle() {
    Optional<List<String>> cycle = MAIN.findCycle();
    assertTrue(
        cycle.isEmpty(),
        () -> "package cycle: " + String.join(" -> ", cycle.orElseThrow())
            + " (move the shared type below both, e.g. into progress/ or the lower package)");
  }

  @Test
  void progressUsesNoOtherProjectPackage() {
    assertEquals(Set.of(), MAIN.uses("com.channelexpansion.progress"),
        "progress sits below every stage, so it must import nothing of the project");
  }

  @Test
  void theScanSeesTheProjectsDependencies() {
    assertTrue(MAIN.uses("com.channelexpansion.cli").contains("com.channelexpansion.report.job"),
        () -> "the scan found no cli -> report.job edge; packages seen: " + MAIN.packages());
  }

  @Test
  void aCycleIsReportedAsItsPath() {
    PackageGraph graph = new PackageGraph().edge("a", "b").edge("b", "c").edge("c", "b").edge("c", "d");
    assertEquals(Optional.of(List.of("b", "c", "b")), graph.findCycle());
    assertEquals(Optional.empty(), new PackageGraph().edge("a", "b").edge("b", "c").edge("a", "c").findCycle());
  }
}
