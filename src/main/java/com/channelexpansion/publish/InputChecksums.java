package com.channelexpansion.publish;

import com.channelexpansion.io.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** SHA-256 of the definition and reference files a run used, for the manifest. */
public final class InputChecksums {
  private InputChecksums() {}

  /** One entry (file, bytes, sha256) per CSV file directly in {@code dir}, sorted by name. */
  public static List<Map<String, Object>> of(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files =
          listing
              .filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv"))
              .sorted()
              .toList();
    }
    List<Map<String, Object>> entries = new ArrayList<>();
    for (Path file : files) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("file", file.getFileName().toString());
      entry.put("bytes", Files.size(file));
      entry.put("sha256", sha256(file));
      entries.add(entry);
    }
    return entries;
  }

  private static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Sha256.of(in);
    }
  }
}
