package com.channelexpansion.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real export files of {@code ../shared/real-data}, found relative to the project (Maven's
 * basedir), never by an absolute path. Locally a test that needs one skips when the folder is
 * absent; under CI ({@code CI=true}) it fails, so a missing folder never passes for a green run.
 */
public final class RealData {
  /** The folder, relative to the project root. */
  public static final Path ROOT =
      Path.of(System.getProperty("basedir", ".")).resolve(Path.of("..", "shared", "real-data")).normalize();

  private RealData() {}

  /** The file or folder at {@code relative} below the real-data folder, which must exist. */
  public static Path require(String relative) {
    Path path = ROOT.resolve(relative);
    if (!Files.exists(path)) {
      String why = "real data absent: " + path + " (../shared/real-data beside the project)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(why + "; CI must have it");
      }
      assumeTrue(false, why);
    }
    return path;
  }
}
