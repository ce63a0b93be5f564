package dev.peregrine.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplayFormatTest {

    @ParameterizedTest(name = "{0} starting with {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "BTCUSDT-15m.csv.gz          |                                          | klines-csv",
                "klines.CSV                  | 1723161253937085768 {}                   | klines-csv",
                "btcusdt_20240808.log.gz     |                                          | ws-capture",
                "messages.jsonl              |                                          | ws-capture",
                "dump.ndjson.gz              |                                          | ws-capture",
                "recording.txt               | 1723161253937085768 {\"stream\":\"x\"}   | ws-capture",
                "recording                   | 1704067200000,42000.1,42100,41900,42050  | klines-csv",
                "recording                   | open_time,open,high                      | klines-csv",
                "recording                   | hello                                    | ``",
                "recording                   |                                          | ``",
            })
    void isToldByTheFileNameElseByTheFirstLine(String name, String firstLine, String expected) {
        Optional<ReplayFormat> format = ReplayFormat.detect(name, firstLine);

        assertThat(format.map(ReplayFormat::code))
                .isEqualTo(expected.isEmpty() ? Optional.empty() : Optional.of(expected));
    }
}
