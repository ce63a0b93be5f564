package dev.peregrine.ingest.domain.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.ingest.domain.RejectionReason;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaptureLineTest {

    @Test
    void splitsTheRecordersNanosecondTimeFromTheMessage() {
        CaptureLine line = CaptureLine.parse("1723161253937085768 {\"u\":1}");

        assertThat(line).isInstanceOfSatisfying(CaptureLine.Entry.class, entry -> {
            assertThat(entry.localNanos()).isEqualTo(1723161253937085768L);
            assertThat(entry.localTime()).isEqualTo(Instant.parse("2024-08-08T23:54:13.937085768Z"));
            assertThat(entry.message()).isEqualTo("{\"u\":1}");
        });
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "``                              | EMPTY_LINE",
                "`   `                           | EMPTY_LINE",
                "17231612539                     | TRUNCATED",
                "`1723161253937085768 `          | TRUNCATED",
                "{\"u\":1}                       | BAD_CAPTURE_LINE",
                "1723161253937085768\t{}         | BAD_CAPTURE_LINE",
                "x1723 {}                        | BAD_CAPTURE_LINE",
                "99999999999999999999 {}         | BAD_TIMESTAMP",
                "9999999999999999999 {}          | BAD_TIMESTAMP",
            })
    void rejectsLinesThatAreNotNanosecondsASpaceAndAMessage(String line, RejectionReason reason) {
        assertThat(CaptureLine.parse(line))
                .isInstanceOfSatisfying(
                        CaptureLine.Rejected.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(reason));
    }
}
