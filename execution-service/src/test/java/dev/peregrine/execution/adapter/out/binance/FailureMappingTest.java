package dev.peregrine.execution.adapter.out.binance;

import static org.assertj.core.api.Assertions.assertThat;

import com.binance.connector.client.exceptions.BinanceClientException;
import com.binance.connector.client.exceptions.BinanceConnectorException;
import com.binance.connector.client.exceptions.BinanceServerException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailureMappingTest {

    private static BinanceAnswer<String> client(int status, int code, String message) {
        return FailureMapping.of(
                new BinanceClientException("{\"code\":" + code + "}", message, status, code), Optional.empty());
    }

    @ParameterizedTest
    @CsvSource({
        "400, -1013, Filter failure: LOT_SIZE",
        "400, -2010, Duplicate order sent.",
        "400, -1021, Timestamp for this request is outside of the recvWindow.",
        "401, -2015, Invalid API-key",
        "400, -1022, Signature for this request is not valid."
    })
    void aFourHundredWithAnOrdinaryCodeIsARefusal(int status, int code, String message) {
        assertThat(client(status, code, message)).isEqualTo(new BinanceAnswer.Refused<>(status, code, message));
    }

    @ParameterizedTest
    @CsvSource({"400, -1007", "408, -1007", "400, -1006", "400, -1000", "408, 0"})
    void aFourHundredWhoseExecutionStatusIsUnknownIsUnknown(int status, int code) {
        assertThat(client(status, code, "status unknown"))
                .isInstanceOfSatisfying(
                        BinanceAnswer.Unknown.class,
                        unknown -> assertThat(unknown.why())
                                .contains(Integer.toString(status))
                                .contains(Integer.toString(code)));
    }

    @ParameterizedTest
    @CsvSource({"-2013, Order does not exist.", "-2011, Unknown order sent."})
    void noSuchOrderAndARejectedCancelAreNotFound(int code, String message) {
        assertThat(client(400, code, message)).isEqualTo(new BinanceAnswer.NotFound<>(400, code, message));
    }

    @Test
    void rateLimitsAndBansCarryTheirRetryAfter() {
        assertThat(FailureMapping.of(
                        new BinanceClientException("{}", "Too much request weight used", 429, -1003),
                        Optional.of(Duration.ofSeconds(7))))
                .isEqualTo(new BinanceAnswer.RateLimited<>(429, -1003, Optional.of(Duration.ofSeconds(7))));
        assertThat(FailureMapping.of(new BinanceClientException("<html>banned</html>", 418), Optional.empty()))
                .isEqualTo(new BinanceAnswer.RateLimited<>(418, 0, Optional.empty()));
    }

    @Test
    void serverErrorsAndIoFailuresAreUnknown() {
        assertThat(FailureMapping.of(new BinanceServerException("{\"code\":-1000}", 502), Optional.empty()))
                .isInstanceOfSatisfying(
                        BinanceAnswer.Unknown.class,
                        unknown -> assertThat(unknown.why()).startsWith("HTTP 502"));
        assertThat(FailureMapping.of(
                        new BinanceConnectorException("[ResponseHandler] OKHTTP Error: timeout"), Optional.empty()))
                .isInstanceOfSatisfying(
                        BinanceAnswer.Unknown.class,
                        unknown -> assertThat(unknown.why()).contains("timeout"));
        assertThat(FailureMapping.of(new IllegalStateException("bug"), Optional.empty()))
                .isInstanceOf(BinanceAnswer.Unknown.class);
    }

    @Test
    void aFourHundredWithoutABinanceBodyIsRefusedWithCodeZeroAndItsBody() {
        assertThat(FailureMapping.of(new BinanceClientException("<html>WAF</html>", 403), Optional.empty()))
                .isEqualTo(new BinanceAnswer.Refused<>(403, 0, "<html>WAF</html>"));
    }
}
