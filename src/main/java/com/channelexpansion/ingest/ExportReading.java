package com.channelexpansion.ingest;

import com.channelexpansion.ingest.formats.ExportRead;
import com.channelexpansion.ingest.formats.SourceRecord;
import com.channelexpansion.ingest.read.ExportFile;
import com.channelexpansion.ingest.validate.ExportLineValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Reads export files on the executors, each in its source format (canonical, Shopify, mapped),
 * and validates every record, in one pass: physical line
 * numbers and multi-line quoted records mean a file is read from its start, so parallelism comes
 * from reading many files at once. Files are spread over a few tasks per core rather than one task
 * per file (a daily export is small and a task has a fixed cost).
 */
public final class ExportReading {
  private static final long BYTES_PER_TASK = 64L << 20;

  private ExportReading() {}

  /** One row of {@link ValidatedRows#SCHEMA} per record of {@code files} (headers excluded). */
  public static Dataset<Row> validatedRows(
      SparkSession spark, List<ExportRead> files, ExportLineValidator validator) {
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    long totalBytes = files.stream().mapToLong(ExportRead::sizeBytes).sum();
    int tasks =
        (int)
            Math.max(
                1,
                Math.min(
                    files.size(),
                    Math.max(2L * context.defaultParallelism(), totalBytes / BYTES_PER_TASK + 1)));
    SerializableConfiguration hadoopConf =
        new SerializableConfiguration(spark.sparkContext().hadoopConfiguration());
    JavaRDD<Row> rows =
        context.parallelize(files, tasks).mapPartitions(new ReadAndValidate(validator, hadoopConf));
    return spark.createDataFrame(rows, ValidatedRows.SCHEMA);
  }

  /** Reads each file of a partition and validates its records, streaming. */
  private static final class ReadAndValidate implements FlatMapFunction<Iterator<ExportRead>, Row> {
    private static final long serialVersionUID = 1L;
    private final ExportLineValidator validator;
    private final SerializableConfiguration hadoopConf;

    ReadAndValidate(ExportLineValidator validator, SerializableConfiguration hadoopConf) {
      this.validator = validator;
      this.hadoopConf = hadoopConf;
    }

    @Override
    public Iterator<Row> call(Iterator<ExportRead> files) {
      return new FileByFileRows(files);
    }

    /** Streams the rows of one file after another, so memory does not grow with file size. */
    private final class FileByFileRows implements Iterator<Row> {
      private final Iterator<ExportRead> files;
      private InputStream open;
      private InputStream openLines;
      private Iterator<SourceRecord> parser;

      FileByFileRows(Iterator<ExportRead> files) {
        this.files = files;
      }

      @Override
      public boolean hasNext() {
        try {
          while (parser == null || !parser.hasNext()) {
            closeCurrent();
            if (!files.hasNext()) {
              return false;
            }
            ExportRead read = files.next();
            open = open(read.file());
            openLines = read.paired() ? open(read.lineFile()) : null;
            parser = read.read(open, openLines);
          }
          return true;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        return ValidatedRows.toRow(parser.next().validate(validator));
      }

      private InputStream open(ExportFile file) throws IOException {
        return file.open(hadoopConf.value());
      }

      private void closeCurrent() throws IOException {
        parser = null;
        try (InputStream orders = open; InputStream lines = openLines) {
          open = null;
          openLines = null;
        }
      }
    }
  }
}
