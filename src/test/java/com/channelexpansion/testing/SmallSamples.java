package com.channelexpansion.testing;

import com.channelexpansion.config.Definitions;
import com.channelexpansion.config.DefinitionsLoader;
import com.channelexpansion.config.ReferenceData;
import com.channelexpansion.config.ReferenceDataLoader;
import com.channelexpansion.samples.GeneratorOptions;
import com.channelexpansion.samples.SampleDataGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A small generated input set (4,000 lines, every reject kind planted) for tests that run the whole
 * job, with helpers to copy parts of its exports and to compare written files byte for byte.
 */
public final class SmallSamples {
  public static final int LINES = 4000;

  private SmallSamples() {}

  public static Path generate(Path out) {
    SampleDataGenerator.generate(
        new GeneratorOptions(out, LINES, GeneratorOptions.DEFAULT_SEED, GeneratorOptions.DEFAULT_END_DATE));
    return out;
  }

  public static Definitions definitions(Path samples) {
    return DefinitionsLoader.load(samples.resolve("config"));
  }

  public static ReferenceData reference(Path samples) {
    return ReferenceDataLoader.load(
        samples.resolve("reference"), definitions(samples).settings().reportingCurrency());
  }

  /** Copies the files below {@code from} whose relative path matches, keeping the folders. */
  public static void copyTree(Path from, Path to, Predicate<String> relativePath) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : walk.filter(Files::isRegularFile).toList()) {
        String relative = from.relativize(source).toString();
        if (relativePath.test(relative)) {
          Path target = to.resolve(relative);
          Files.createDirectories(target.getParent());
          Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** The regular files below {@code folder}, relative and sorted, skipping the names given. */
  public static List<String> files(Path folder, String... skip) throws IOException {
    List<String> skipped = List.of(skip);
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !skipped.contains(p.getFileName().toString()))
          .map(p -> folder.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  /** Names of files that differ between two folders (missing on one side or other bytes). */
  public static List<String> differences(Path one, Path two, String... skip) throws IOException {
    List<String> names = new ArrayList<>(files(one, skip));
    for (String name : files(two, skip)) {
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    List<String> different = new ArrayList<>();
    for (String name : names) {
      Path a = one.resolve(name);
      Path b = two.resolve(name);
      if (!Files.exists(a) || !Files.exists(b) || Files.mismatch(a, b) != -1) {
        different.add(name);
      }
    }
    return different;
  }
}
