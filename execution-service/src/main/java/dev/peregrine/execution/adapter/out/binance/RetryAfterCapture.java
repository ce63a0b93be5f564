package dev.peregrine.execution.adapter.out.binance;

import java.time.Duration;
import java.util.Optional;
import okhttp3.Interceptor;

/**
 * Keeps the {@code Retry-After} header of the last answer received on this thread: the connector's exceptions carry
 * the status and body but not the headers. The connector calls OkHttp synchronously, so the interceptor runs on the
 * caller's thread; {@link BinanceSpotRest} clears it before each call and reads it after a 429/418.
 */
final class RetryAfterCapture implements Interceptor {

    private static final ThreadLocal<String> LAST = new ThreadLocal<>();

    @Override
    public okhttp3.Response intercept(Chain chain) throws java.io.IOException {
        okhttp3.Response response = chain.proceed(chain.request());
        LAST.set(response.header("Retry-After"));
        return response;
    }

    static void clear() {
        LAST.remove();
    }

    /** The last answer's Retry-After in seconds (Binance sends whole seconds); empty when absent or not a number. */
    static Optional<Duration> last() {
        return parse(LAST.get());
    }

    static Optional<Duration> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            return Optional.empty();
        }
    }
}
