package dev.peregrine.execution.adapter.out.binance;

import com.binance.connector.client.exceptions.BinanceClientException;
import com.binance.connector.client.exceptions.BinanceConnectorException;
import com.binance.connector.client.exceptions.BinanceServerException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * What a connector exception means for the caller (rest-api.md "HTTP Return Codes", errors.md): a 4XX is a refusal
 * unless its code says the execution status is unknown; 429/418 are rate limits; 5XX, 408 and I/O failures leave the
 * outcome unknown.
 */
final class FailureMapping {

    /** 4XX codes whose request may still have been executed. */
    private static final Set<Integer> STATUS_UNKNOWN_CODES =
            Set.of(BinanceCodes.UNKNOWN, BinanceCodes.UNEXPECTED_RESPONSE, BinanceCodes.TIMEOUT);

    private static final Set<Integer> NOT_FOUND_CODES =
            Set.of(BinanceCodes.NO_SUCH_ORDER, BinanceCodes.CANCEL_REJECTED);
    private static final int REQUEST_TIMEOUT = 408;
    private static final int BANNED = 418;
    private static final int TOO_MANY_REQUESTS = 429;

    private FailureMapping() {}

    /** {@code retryAfter}: the Retry-After header of the failed answer, if it had one. */
    static <T> BinanceAnswer<T> of(RuntimeException failure, Optional<Duration> retryAfter) {
        return switch (failure) {
            case BinanceClientException refused ->
                clientError(
                        refused.getHttpStatusCode(),
                        refused.getErrorCode(),
                        refused.getErrMsg() != null ? refused.getErrMsg() : refused.getMessage(),
                        retryAfter);
            case BinanceServerException server ->
                new BinanceAnswer.Unknown<>("HTTP " + server.getHttpStatusCode() + ": " + server.getMessage());
            case BinanceConnectorException io -> new BinanceAnswer.Unknown<>("no answer: " + io.getMessage());
            default -> new BinanceAnswer.Unknown<>("call failed: " + failure);
        };
    }

    static <T> BinanceAnswer<T> clientError(int status, int code, String message, Optional<Duration> retryAfter) {
        if (status == TOO_MANY_REQUESTS || status == BANNED) {
            return new BinanceAnswer.RateLimited<>(status, code, retryAfter);
        }
        if (status == REQUEST_TIMEOUT || STATUS_UNKNOWN_CODES.contains(code)) {
            return new BinanceAnswer.Unknown<>("HTTP " + status + " code " + code + ": " + message);
        }
        if (NOT_FOUND_CODES.contains(code)) {
            return new BinanceAnswer.NotFound<>(status, code, message);
        }
        return new BinanceAnswer.Refused<>(status, code, message);
    }
}
