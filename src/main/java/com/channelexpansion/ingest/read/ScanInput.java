package com.channelexpansion.ingest.read;

import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes {@link CsvRecordScanner} reads: a stream behind a 64 KiB buffer, with bytes the
 * scanner gave back read again first. Giving back is how the scanner resumes on the line after
 * the first line of a malformed record that spans several lines, without seeking the stream
 * (a Hadoop stream may not seek cheaply, and a file is read once, from its start).
 */
final class ScanInput {
  static final int EOF = -1;
  private static final int BUFFER_SIZE = 1 << 16;
  private static final byte[] NOTHING = new byte[0];

  private final InputStream in;
  private final byte[] buffer = new byte[BUFFER_SIZE];
  private int position;
  private int limit;
  private boolean endOfInput;
  /** Bytes given back, read before the stream's; {@code replayPosition} is the next one. */
  private byte[] replay = NOTHING;
  private int replayPosition;

  ScanInput(InputStream in) {
    this.in = in;
  }

  /** The next byte (0-255), or {@link #EOF}. */
  int read() throws IOException {
    if (replayPosition < replay.length) {
      return replay[replayPosition++] & 0xFF;
    }
    if (position == limit && !fill()) {
      return EOF;
    }
    return buffer[position++] & 0xFF;
  }

  /** The byte {@link #read()} would return next, without consuming it. */
  int peek() throws IOException {
    if (replayPosition < replay.length) {
      return replay[replayPosition] & 0xFF;
    }
    if (position == limit && !fill()) {
      return EOF;
    }
    return buffer[position] & 0xFF;
  }

  /**
   * Gives back {@code length} bytes of {@code bytes} from {@code offset}, then an LF when
   * {@code lineBreak}: they are read again before anything not yet read.
   */
  void giveBack(byte[] bytes, int offset, int length, boolean lineBreak) {
    int pending = replay.length - replayPosition;
    byte[] next = new byte[length + (lineBreak ? 1 : 0) + pending];
    System.arraycopy(bytes, offset, next, 0, length);
    if (lineBreak) {
      next[length] = '\n';
    }
    System.arraycopy(replay, replayPosition, next, next.length - pending, pending);
    replay = next;
    replayPosition = 0;
  }

  /** Skips a UTF-8 byte order mark at the current position (call at the start of the file). */
  void skipByteOrderMark() throws IOException {
    if (peek() != 0xEF) {
      return;
    }
    // The three BOM bytes are in the buffer unless the first read returned fewer: top it up.
    if (limit - position < 3) {
      compactAndTopUp(3);
    }
    if (limit - position >= 3
        && (buffer[position + 1] & 0xFF) == 0xBB
        && (buffer[position + 2] & 0xFF) == 0xBF) {
      position += 3;
    }
  }

  private boolean fill() throws IOException {
    if (endOfInput) {
      return false;
    }
    int n;
    do {
      n = in.read(buffer, 0, buffer.length);
    } while (n == 0);
    if (n < 0) {
      endOfInput = true;
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }

  /** Moves unread bytes to the buffer start and reads until {@code wanted} are there or EOF. */
  private void compactAndTopUp(int wanted) throws IOException {
    int available = limit - position;
    System.arraycopy(buffer, position, buffer, 0, available);
    position = 0;
    limit = available;
    while (limit < wanted) {
      int n = in.read(buffer, limit, buffer.length - limit);
      if (n < 0) {
        endOfInput = true;
        return;
      }
      limit += n;
    }
  }
}
