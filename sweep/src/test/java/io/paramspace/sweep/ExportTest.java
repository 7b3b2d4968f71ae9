package io.paramspace.sweep;

import static com.google.common.truth.Truth.assertThat;

import io.paramspace.sample.TrainingConfig;
import io.paramspace.sample.TrainingConfigSpace;
import io.paramspace.sweep.testing.Small;
import io.paramspace.sweep.testing.SmallSpace;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class ExportTest {

  @Test
  void csvHasOneColumnPerParameterAndEmptyCellsForInactiveOnes() throws Exception {
    StringWriter out = new StringWriter();
    Export.csv(GridSource.of(SmallSpace.space()), out);
    String[] lines = out.toString().split("\n");
    assertThat(lines[0]).isEqualTo("index,Small.kind,Small.flag,Small.extra::true_branch,Small.sub::true_branch");
    assertThat(lines[1]).isEqualTo("0,a,true,,x");
    assertThat(lines[3]).isEqualTo("2,a,false,,");
    assertThat(lines[4]).isEqualTo("3,b,true,1,x");
    assertThat(lines).hasLength(16);
  }

  @Test
  void csvOfTheSampleAppReadsBackToTheSameParameters() throws Exception {
    RandomSource<TrainingConfig> source = RandomSource.of(TrainingConfigSpace.space(), 30, 9);
    StringWriter out = new StringWriter();
    List<long[]> progress = new ArrayList<>();
    Export.csv(source, out, (done, total) -> progress.add(new long[] {done, total}));
    assertThat(progress).hasSize(30);
    assertThat(progress.get(29)).isEqualTo(new long[] {30, 30});
    try (CSVParser parser = CSVParser.parse(new StringReader(out.toString()),
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
      List<CSVRecord> records = parser.getRecords();
      assertThat(records).hasSize(30);
      assertThat(parser.getHeaderNames().subList(1, parser.getHeaderNames().size()))
          .isEqualTo(TrainingConfigSpace.parameterNames());
      for (CSVRecord record : records) {
        TrainingConfig config = source.get(Long.parseLong(record.get("index")));
        var parameters = TrainingConfigSpace.space().parameters(config);
        for (String name : TrainingConfigSpace.parameterNames()) {
          Object value = parameters.get(name);
          if (value instanceof Double d) {
            assertThat(Double.parseDouble(record.get(name))).isEqualTo(d);
          } else {
            assertThat(record.get(name)).isEqualTo(value == null ? "" : value.toString());
          }
        }
      }
    }
  }

  @Test
  void jsonLinesHoldOneConfigPerLineWithTypeTags() {
    StringWriter out = new StringWriter();
    RandomSource<TrainingConfig> source = RandomSource.of(TrainingConfigSpace.space(), 4, 1);
    Export.jsonLines(source, out);
    String[] lines = out.toString().split("\n");
    assertThat(lines).hasLength(4);
    for (int i = 0; i < 4; i++) {
      assertThat(lines[i]).contains("\"__type__\"");
      assertThat(TrainingConfigSpace.space().fromJson(lines[i])).isEqualTo(source.get(i));
    }
    StringWriter small = new StringWriter();
    Export.jsonLines(ManualSource.of(SmallSpace.space(), new Small("b", false, 2, null)), small);
    assertThat(small.toString()).isEqualTo(
        "{\"__type__\":\"Small\",\"kind\":\"b\",\"flag\":false,\"extra\":2,\"sub\":null}\n");
  }

  @Test
  void numbersAreWrittenAsPythonWritesThem() {
    assertThat(Export.cell(1e-5)).isEqualTo("1e-05");
    assertThat(Export.cell(0.0001)).isEqualTo("0.0001");
    assertThat(Export.cell(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    assertThat(Export.cell(32L)).isEqualTo("32");
    assertThat(Export.cell(null)).isEqualTo("");
  }
}
