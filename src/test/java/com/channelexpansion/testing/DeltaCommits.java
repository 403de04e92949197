package com.channelexpansion.testing;

import com.channelexpansion.io.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads a Delta table's commit files directly, to pin what one commit did. */
public final class DeltaCommits {
  private DeltaCommits() {}

  /** The commit files of {@code table}'s log, oldest first. */
  public static List<Path> commits(Path table) throws IOException {
    try (Stream<Path> log = Files.list(table.resolve("_delta_log"))) {
      return log.filter(p -> p.getFileName().toString().matches("\\d{20}\\.json")).sorted().toList();
    }
  }

  /** The data files the latest commit added or removed, relative to the table, sorted. */
  public static List<String> filesTouchedByLatest(Path table) throws IOException {
    List<Path> commits = commits(table);
    List<String> files = new ArrayList<>();
    for (String line : Files.readAllLines(commits.get(commits.size() - 1))) {
      JsonNode action = Json.MAPPER.readTree(line);
      for (String kind : List.of("add", "remove")) {
        if (action.has(kind)) {
          files.add(action.get(kind).get("path").asText());
        }
      }
    }
    return files.stream().sorted().toList();
  }

  /** The userMetadata of the latest commit (what the run recorded), or null. */
  public static String latestUserMetadata(Path table) throws IOException {
    List<Path> commits = commits(table);
    for (String line : Files.readAllLines(commits.get(commits.size() - 1))) {
      JsonNode action = Json.MAPPER.readTree(line);
      if (action.has("commitInfo") && action.get("commitInfo").has("userMetadata")) {
        return action.get("commitInfo").get("userMetadata").asText();
      }
    }
    return null;
  }
}
