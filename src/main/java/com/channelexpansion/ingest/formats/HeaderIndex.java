package com.channelexpansion.ingest.formats;

import com.channelexpansion.ingest.read.HeaderName;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Column positions of a source file's header: names compared by their {@link HeaderName#key}, of
 * two columns with the same name the first counts (PRODUCT.md's header rule, for any source format).
 */
final class HeaderIndex {
  private final int width;
  private final List<String> names;
  private final Map<String, Integer> positions = new HashMap<>();

  HeaderIndex(List<String> names) {
    this.width = names.size();
    this.names = List.copyOf(names);
    for (int i = 0; i < names.size(); i++) {
      positions.putIfAbsent(HeaderName.key(names.get(i)), i);
    }
  }

  /** Number of columns: a record of another width is malformed. */
  int width() {
    return width;
  }

  /** The column names as in the file. */
  List<String> names() {
    return names;
  }

  /** Position of a column (case ignored), or -1 when the header lacks it. */
  int positionOf(String name) {
    Integer position = positions.get(HeaderName.key(name));
    return position == null ? -1 : position;
  }
}
