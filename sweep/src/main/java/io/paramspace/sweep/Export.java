package io.paramspace.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.text.Literals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes any sequence of configs for other tools: CSV (a data frame: {@code pandas.read_csv}) and
 * JSON lines (one config per line).
 *
 * <p>CSV: a header row, then one row per config: the column {@code index} (the config's index in
 * the sequence), then one column per parameter name of the space ({@link
 * ConfigSpace#parameterNames()}, in that order) holding the config's value of that parameter in
 * its external form ({@link ConfigSpace#parameters}): numbers as Python writes them ({@code
 * 0.0001}, {@code 1e-05}), enum constants and branches by name, booleans as {@code true} and
 * {@code false}. A parameter that is inactive in a config (its condition fails, or it is in a
 * branch the config does not take) is empty. RFC 4180 quoting, {@code \n} line ends.
 *
 * <p>JSON lines: each config as {@code ConfigSpace.toJson} writes it ({@code "__type__"} tags on
 * nested configs), on one line.
 */
public final class Export {
  private static final ObjectMapper COMPACT = new ObjectMapper();

  private Export() {}

  /** Told how far an export is, after each config: {@code done} of {@code total}. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (done, total) -> {};

    void update(long done, long total);
  }

  /** The CSV of {@code sequence} into {@code out}. */
  public static <T> void csv(ConfigSequence<T> sequence, Writer out) {
    csv(sequence, out, Progress.NONE);
  }

  /** The CSV of {@code sequence} into {@code out}, telling {@code progress}. */
  public static <T> void csv(ConfigSequence<T> sequence, Writer out, Progress progress) {
    ConfigSpace<T> space = sequence.space();
    List<String> names = space.parameterNames();
    List<String> header = new ArrayList<>(names.size() + 1);
    header.add("index");
    header.addAll(names);
    CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
    try {
      CSVPrinter printer = new CSVPrinter(out, format);
      printer.printRecord(header);
      long total = sequence.size();
      List<String> row = new ArrayList<>(names.size() + 1);
      for (long i = 0; i < total; i++) {
        Map<String, Object> parameters = space.parameters(sequence.get(i));
        row.clear();
        row.add(Long.toString(i));
        for (String name : names) {
          row.add(cell(parameters.get(name)));
        }
        printer.printRecord(row);
        progress.update(i + 1, total);
      }
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the CSV: " + e.getMessage(), e);
    }
  }

  /** A parameter value as a CSV cell; empty for an inactive one. */
  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double d) {
      return Literals.formatDouble(d);
    }
    return value.toString();
  }

  /** The JSON lines of {@code sequence} into {@code out}. */
  public static <T> void jsonLines(ConfigSequence<T> sequence, Writer out) {
    jsonLines(sequence, out, Progress.NONE);
  }

  /** The JSON lines of {@code sequence} into {@code out}, telling {@code progress}. */
  public static <T> void jsonLines(ConfigSequence<T> sequence, Writer out, Progress progress) {
    try {
      long total = sequence.size();
      for (long i = 0; i < total; i++) {
        out.write(jsonLine(sequence.space(), sequence.get(i)));
        out.write('\n');
        progress.update(i + 1, total);
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the JSON lines: " + e.getMessage(), e);
    }
  }

  /** {@code config} as {@code toJson} writes it, on one line. */
  public static <T> String jsonLine(ConfigSpace<T> space, T config) {
    try {
      return COMPACT.writeValueAsString(COMPACT.readTree(space.toJson(config)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the runtime wrote a config that is not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
