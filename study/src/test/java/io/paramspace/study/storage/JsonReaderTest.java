package io.paramspace.study.storage;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The quick reader gives what Jackson (as PythonJson configures it) gives, or leaves the text to it. */
class JsonReaderTest {
  static final ObjectMapper JACKSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(DeserializationFeature.USE_LONG_FOR_INTS).build();

  static final List<String> TEXTS = List.of("0", "-7", "12", "9223372036854775807", "1e-05", "0.5", "-2.5E+3", "1.0",
      "NaN", "Infinity", "-Infinity", "true", "false", "null", "\"\"", "\"adam\"", "\"a\\\"b\\\\c\\n\\u00e9\\ud83d\\ude00\"",
      "{}", "[]", "[1, 2.5, \"x\", null, [true]]", "{\"host\": \"h\", \"pid\": 12, \"started\": 1700000000000}",
      "{\"name\": \"FloatDistribution\", \"attributes\": {\"step\": null, \"low\": 1e-05, \"high\": 0.01, \"log\": true}}",
      "{\"name\": \"CategoricalDistribution\", \"attributes\": {\"choices\": [\"DenseConfig\", \"ConvConfig\", 3, 2.5]}}",
      " { \"a\" : [ 1 , 2 ] } ", "{\"paramspace:grid\": [\"abc\", 24]}");

  @Test
  void givesWhatJacksonGives() throws Exception {
    for (String text : TEXTS) {
      Object quick = JsonReader.read(text);
      assertThat(quick).isNotSameInstanceAs(JsonReader.NOT_READ);
      Object jackson = JACKSON.readValue(text, Object.class);
      assertThat(quick).isEqualTo(jackson);
      assertThat(PythonJson.read(text)).isEqualTo(jackson);
      if (quick != null) {
        assertThat(quick.getClass()).isAnyOf(jackson.getClass(), java.util.LinkedHashMap.class, java.util.ArrayList.class);
      }
    }
    assertThat(PythonJson.read("{\"a\": 1}")).isInstanceOf(Map.class);
  }

  @Test
  void leavesWhatItDoesNotTakeToJackson() throws Exception {
    for (String text : List.of("12345678901234567890", "01", "[1,]", "{\"a\" 1}", "'x'", "1.", "tru", "[1] x", "")) {
      assertThat(JsonReader.read(text)).isSameInstanceAs(JsonReader.NOT_READ);
    }
    assertThrows(StorageException.class, () -> PythonJson.read("12345678901234567890")); // as Jackson: not a long
    StorageException e = assertThrows(StorageException.class, () -> PythonJson.read("[1,]"));
    assertThat(e).hasMessageThat().contains("not valid JSON: [1,]");
  }

  @Test
  void timestampsAreReadAndWrittenAsTheFormatterDoes() {
    DateTimeFormatter write = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    io.paramspace.runtime.Rng rng = new io.paramspace.runtime.Rng(3);
    for (int i = 0; i < 2000; i++) {
      Instant t = Instant.ofEpochSecond(rng.nextLong(4_000_000_000L), rng.nextLong(1_000_000) * 1000);
      String text = Timestamps.write(t);
      assertThat(text).isEqualTo(write.format(LocalDateTime.ofInstant(t, ZoneOffset.UTC)));
      assertThat(Timestamps.read(text)).isEqualTo(t);
    }
    assertThat(Timestamps.read("2024-05-01 12:30:00")).isEqualTo(Instant.parse("2024-05-01T12:30:00Z"));
    assertThat(Timestamps.read("2024-05-01T12:30:00.5")).isEqualTo(Instant.parse("2024-05-01T12:30:00.500Z"));
    assertThat(Timestamps.read("2024-05-01 12:30:00.123456789")).isEqualTo(Instant.parse("2024-05-01T12:30:00.123456789Z"));
  }
}
