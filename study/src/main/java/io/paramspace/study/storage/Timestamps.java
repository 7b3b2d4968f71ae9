package io.paramspace.study.storage;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;

/**
 * Timestamps as SQLAlchemy stores a {@code DateTime} in SQLite: {@code 2024-05-01 12:30:00.123456},
 * naive, with microseconds. Paramspace writes UTC, as Optuna 5 does; Optuna 3 and 4 write the local
 * time of the writing machine, which reads as UTC here (the same on machines set to UTC).
 */
final class Timestamps {
  private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
  private static final DateTimeFormatter READ = new DateTimeFormatterBuilder()
      .appendPattern("yyyy-MM-dd HH:mm:ss")
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .toFormatter();

  private Timestamps() {}

  /** Now, to the microsecond that the database keeps. */
  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  static String write(Instant instant) {
    if (instant == null) {
      return null;
    }
    LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    if (t.getYear() < 1000 || t.getYear() > 9999) {
      return WRITE.format(t);
    }
    // What WRITE gives, without the formatter's cost (a trial is written twice, read often).
    char[] c = "0000-00-00 00:00:00.000000".toCharArray();
    put(c, 0, t.getYear(), 4);
    put(c, 5, t.getMonthValue(), 2);
    put(c, 8, t.getDayOfMonth(), 2);
    put(c, 11, t.getHour(), 2);
    put(c, 14, t.getMinute(), 2);
    put(c, 17, t.getSecond(), 2);
    put(c, 20, t.getNano() / 1000, 6);
    return new String(c);
  }

  private static void put(char[] c, int at, int value, int width) {
    for (int k = at + width - 1; k >= at; k--) {
      c[k] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  static Instant read(String text) {
    if (text == null) {
      return null;
    }
    Instant quick = quick(text);
    return quick != null ? quick : LocalDateTime.parse(text.replace('T', ' '), READ).toInstant(ZoneOffset.UTC);
  }

  /** {@code yyyy-MM-dd HH:mm:ss[.f{1,9}]} (or with a {@code T}) read by hand; null for anything else. */
  private static Instant quick(String t) {
    int n = t.length();
    if (n < 19 || n == 20 || n > 29 || t.charAt(4) != '-' || t.charAt(7) != '-'
        || (t.charAt(10) != ' ' && t.charAt(10) != 'T') || t.charAt(13) != ':' || t.charAt(16) != ':'
        || (n > 19 && t.charAt(19) != '.')) {
      return null;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 2);
    int day = digits(t, 8, 2);
    int hour = digits(t, 11, 2);
    int minute = digits(t, 14, 2);
    int second = digits(t, 17, 2);
    int nanos = 0;
    if (n > 19) {
      nanos = digits(t, 20, n - 20);
      for (int k = n - 20; k < 9 && nanos >= 0; k++) {
        nanos *= 10;
      }
    }
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || nanos < 0) {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  private static int digits(String t, int from, int count) {
    int v = 0;
    for (int k = from; k < from + count; k++) {
      char c = t.charAt(k);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
