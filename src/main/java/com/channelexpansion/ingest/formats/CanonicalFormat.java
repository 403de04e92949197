package com.channelexpansion.ingest.formats;

import com.channelexpansion.ingest.read.ExportFileParser;
import java.io.InputStream;
import java.util.Iterator;

/** The product's own export format (PRODUCT.md, Inputs): read by {@link ExportFileParser}. */
public final class CanonicalFormat implements SourceFormat {
  private static final long serialVersionUID = 1L;

  /** The one instance: the format has no settings. */
  public static final CanonicalFormat INSTANCE = new CanonicalFormat();

  private CanonicalFormat() {}

  @Override
  public Iterator<SourceRecord> read(String sourceFile, InputStream in) {
    ExportFileParser parser = ExportFileParser.parse(sourceFile, in);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return parser.hasNext();
      }

      @Override
      public SourceRecord next() {
        return SourceRecord.of(parser.next());
      }
    };
  }

  @Override
  public boolean headerless(String sourceFile, InputStream in) {
    return ExportFileParser.parse(sourceFile, in).headerless();
  }

  private Object readResolve() {
    return INSTANCE;
  }

  @Override
  public String toString() {
    return "canonical";
  }
}
