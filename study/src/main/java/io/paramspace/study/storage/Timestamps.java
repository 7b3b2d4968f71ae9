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
    return instant == null ? null : WRITE.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
  }

  static Instant read(String text) {
    if (text == null) {
      return null;
    }
    return LocalDateTime.parse(text.replace('T', ' '), READ).toInstant(ZoneOffset.UTC);
  }
}
