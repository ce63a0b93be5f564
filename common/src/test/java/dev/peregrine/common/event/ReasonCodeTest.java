package dev.peregrine.common.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written code check accepts exactly what the regex it replaced accepted. */
class ReasonCodeTest {

    private static final Pattern REGEX = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");

    @Test
    void acceptsExactlyWhatTheRegexAccepts() {
        List<String> samples = List.of(
                "",
                "A",
                "AB",
                "A1",
                "A_",
                "_A",
                "1A",
                "aB",
                "Ab",
                "NO_NET_DIRECTION",
                "CONSENSUS_BULLISH",
                "A-B",
                "A B",
                "AÄ",
                "Z9_",
                "@A",
                "[A",
                "A[",
                "A@",
                "A/",
                "A:",
                "A`",
                "A{",
                "A".repeat(64),
                "A".repeat(65),
                "A" + "_".repeat(63),
                "A" + "0".repeat(64));
        for (String sample : samples) {
            assertThat(Reason.isCode(sample))
                    .as(sample)
                    .isEqualTo(REGEX.matcher(sample).matches());
        }
        for (char first = 0; first < 256; first++) {
            for (char second = 0; second < 256; second++) {
                String sample = "" + first + second;
                assertThat(Reason.isCode(sample))
                        .as(sample)
                        .isEqualTo(REGEX.matcher(sample).matches());
            }
        }
    }

    @Test
    void refusesAnInvalidCode() {
        assertThatThrownBy(() -> Reason.of("lower_case", "detail")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Reason.of("OK_CODE", "detail").code()).isEqualTo("OK_CODE");
    }
}
