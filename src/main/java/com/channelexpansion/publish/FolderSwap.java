package com.channelexpansion.publish;

import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Puts a completely written staging folder in place of a published one. On a POSIX or HDFS file
 * system each rename is atomic, so a reader sees the old folder or the new one, never a mix; the
 * previous version is moved aside first and deleted only after the new one is in place.
 */
public final class FolderSwap {
  private FolderSwap() {}

  /**
   * Replaces {@code target} with {@code staged}; the old target, if any, goes to {@code aside}
   * (which must not exist) and is deleted afterwards.
   */
  public static void replace(FileSystem fs, Path staged, Path target, Path aside) throws IOException {
    fs.mkdirs(target.getParent());
    boolean hadOld = fs.exists(target);
    if (hadOld) {
      fs.mkdirs(aside.getParent());
      rename(fs, target, aside);
    }
    rename(fs, staged, target);
    if (hadOld) {
      fs.delete(aside, true);
    }
  }

  static void rename(FileSystem fs, Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("Cannot publish: rename failed (" + from + " -> " + to + ")");
    }
  }
}
