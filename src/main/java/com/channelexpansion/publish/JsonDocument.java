package com.channelexpansion.publish;

import com.channelexpansion.io.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Writes and reads the small JSON documents of a run (manifests) on any Hadoop file system. */
public final class JsonDocument {
  private JsonDocument() {}

  public static void write(Map<String, ?> document, Path path, Configuration conf)
      throws IOException {
    FileSystem fs = path.getFileSystem(conf);
    try (OutputStream out = fs.create(path, true)) {
      out.write(Json.MAPPER.writeValueAsString(document).getBytes(StandardCharsets.UTF_8));
      out.write('\n');
    }
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> read(Path path, Configuration conf) throws IOException {
    FileSystem fs = path.getFileSystem(conf);
    try (java.io.InputStream in = fs.open(path)) {
      return Json.MAPPER.readValue(in, Map.class);
    }
  }

  /** Writes an empty marker file such as _SUCCESS. */
  public static void touch(Path path, Configuration conf) throws IOException {
    path.getFileSystem(conf).create(path, true).close();
  }
}
