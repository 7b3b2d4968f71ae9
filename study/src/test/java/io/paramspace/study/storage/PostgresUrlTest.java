package io.paramspace.study.storage;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** URLs and credentials, with no server. */
class PostgresUrlTest {
  @Test
  void credentialsInTheJdbcUrlAreTakenOutAndMasked() {
    PostgresUrl url = PostgresUrl.parse("jdbc:postgresql://db.example:5433/studies?user=alice&password=s%26cret"
        + "&ssl=true", Map.of());
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5433/studies?ssl=true");
    assertThat(url.user()).isEqualTo("alice");
    assertThat(url.password()).isEqualTo("s&cret");
    assertThat(url.display()).isEqualTo("jdbc:postgresql://db.example:5433/studies?ssl=true&user=***&password=***");
    assertThat(url.toString()).doesNotContain("alice");
    assertThat(url.scrub("FATAL: password authentication failed for user \"alice\" (s&cret)"))
        .isEqualTo("FATAL: password authentication failed for user \"***\" (***)");
  }

  @Test
  void sqlalchemysUrlAsOptunaTakesItIsRead() {
    PostgresUrl url = PostgresUrl.parse("postgresql+psycopg2://bob:pw@10.0.0.5/optuna?options=-csearch_path%3Dx",
        Map.of());
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://10.0.0.5/optuna?options=-csearch_path%3Dx");
    assertThat(url.user()).isEqualTo("bob");
    assertThat(url.password()).isEqualTo("pw");
    assertThat(url.display()).doesNotContain("bob");
    assertThat(url.display()).doesNotContain("pw@");
  }

  @Test
  void theEnvironmentGivesWhatTheUrlLacks() {
    PostgresUrl url = PostgresUrl.parse("jdbc:postgresql://h/db", Map.of("PGUSER", "carol", "PGPASSWORD", "x"));
    assertThat(url.user()).isEqualTo("carol");
    assertThat(url.password()).isEqualTo("x");
    assertThat(url.display()).isEqualTo("jdbc:postgresql://h/db");
    PostgresUrl given = PostgresUrl.parse("jdbc:postgresql://h/db?user=dave", Map.of("PGUSER", "carol"));
    assertThat(given.user()).isEqualTo("dave");
    assertThat(given.password()).isNull();
  }

  @Test
  void aUrlWithoutHostIsAClearErrorWithNothingShown() {
    StorageException e = assertThrows(StorageException.class,
        () -> PostgresUrl.parse("jdbc:postgresql:///db?user=eve&password=hidden", Map.of()));
    assertThat(e).hasMessageThat().contains("names no host");
    assertThat(e).hasMessageThat().doesNotContain("hidden");
    assertThat(e).hasMessageThat().doesNotContain("eve");
  }
}
