package com.channelexpansion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which project packages each project package uses, read from the source files (imports, static
 * imports and fully qualified names in code; comments are ignored). Plain Java on purpose: a
 * cycle check should not need a bytecode library, and the sources are what a reviewer reads.
 */
final class PackageGraph {
  private static final String ROOT = "com.channelexpansion";
  private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
  /** A project name up to its first capitalised segment: the package of a type it names. */
  private static final Pattern REFERENCE =
      Pattern.compile("\\b(" + Pattern.quote(ROOT) + "(?:\\.[a-z_][\\w]*)*)\\.[A-Z]");

  private final Map<String, Set<String>> uses = new TreeMap<>();

  /** The graph of every .java file under {@code sourceRoot}. */
  static PackageGraph scan(Path sourceRoot) {
    PackageGraph graph = new PackageGraph();
    try (Stream<Path> files = Files.walk(sourceRoot)) {
      files.filter(f -> f.toString().endsWith(".java")).forEach(graph::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return graph;
  }

  /** Records that {@code from} uses {@code to}; a package using itself is not an edge. */
  PackageGraph edge(String from, String to) {
    uses.computeIfAbsent(from, p -> new TreeSet<>());
    uses.computeIfAbsent(to, p -> new TreeSet<>());
    if (!from.equals(to)) {
      uses.get(from).add(to);
    }
    return this;
  }

  Set<String> packages() {
    return uses.keySet();
  }

  Set<String> uses(String pkg) {
    return uses.getOrDefault(pkg, Set.of());
  }

  /** One cycle as a path {@code a -> b -> ... -> a}, or empty when the graph is acyclic. */
  Optional<List<String>> findCycle() {
    Set<String> done = new TreeSet<>();
    for (String start : uses.keySet()) {
      Optional<List<String>> cycle = cycleFrom(start, new ArrayDeque<>(), done);
      if (cycle.isPresent()) {
        return cycle;
      }
    }
    return Optional.empty();
  }

  private Optional<List<String>> cycleFrom(String pkg, Deque<String> path, Set<String> done) {
    if (path.contains(pkg)) {
      List<String> cycle = new ArrayList<>(path);
      cycle = new ArrayList<>(cycle.subList(cycle.indexOf(pkg), cycle.size()));
      cycle.add(pkg);
      return Optional.of(cycle);
    }
    if (done.contains(pkg)) {
      return Optional.empty();
    }
    path.addLast(pkg);
    for (String next : uses(pkg)) {
      Optional<List<String>> cycle = cycleFrom(next, path, done);
      if (cycle.isPresent()) {
        return cycle;
      }
    }
    path.removeLast();
    done.add(pkg);
    return Optional.empty();
  }

  private void add(Path file) {
    String source;
    try {
      source = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Matcher pkg = PACKAGE.matcher(source);
    if (!pkg.find()) {
      return;
    }
    String from = pkg.group(1);
    edge(from, from);
    Matcher reference = REFERENCE.matcher(codeOnly(source));
    while (reference.find()) {
      edge(from, reference.group(1));
    }
  }

  /** The source without comments and string, text-block or char literals: they name no dependency. */
  private static String codeOnly(String source) {
    StringBuilder code = new StringBuilder(source.length());
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      int next;
      if (source.startsWith("//", i)) {
        next = skipTo(source, "\n", i + 2);
      } else if (source.startsWith("/*", i)) {
        next = skipTo(source, "*/", i + 2);
      } else if (source.startsWith("\"\"\"", i)) {
        next = skipTo(source, "\"\"\"", i + 3);
      } else if (c == '"' || c == '\'') {
        next = skipLiteral(source, i);
      } else {
        code.append(c);
        i++;
        continue;
      }
      code.append(' ');
      i = next;
    }
    return code.toString();
  }

  private static int skipTo(String source, String end, int from) {
    int at = source.indexOf(end, from);
    return at < 0 ? source.length() : at + end.length();
  }

  private static int skipLiteral(String source, int start) {
    char quote = source.charAt(start);
    int i = start + 1;
    while (i < source.length() && source.charAt(i) != quote) {
      i += source.charAt(i) == '\\' ? 2 : 1;
    }
    return i + 1;
  }
}
