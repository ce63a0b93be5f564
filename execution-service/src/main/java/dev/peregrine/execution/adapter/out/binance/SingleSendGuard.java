package dev.peregrine.execution.adapter.out.binance;

import java.io.IOException;
import okhttp3.Interceptor;

/**
 * Makes sure OkHttp puts one call's request on the wire at most once. {@link ConnectorHttpClient} already turns
 * off the re-sends it can (connection failures, 408, redirects); this catches the ones no setting turns off (a 503
 * with {@code Retry-After: 0}, a 421) and any a future OkHttp adds: the second send fails the call instead.
 *
 * <p>{@link #TAG} (an application interceptor) marks each call's request; {@link #GUARD} (a network interceptor,
 * run once per send) refuses a marked request that was sent before. OkHttp keeps tags on its follow-up requests.
 */
final class SingleSendGuard {

    /** Application interceptor: gives the call's request a fresh send counter. */
    static final Interceptor TAG = chain -> chain.proceed(
            chain.request().newBuilder().tag(Sends.class, new Sends()).build());

    /** Network interceptor: lets the first send through and fails any further one. */
    static final Interceptor GUARD = chain -> {
        Sends sends = chain.request().tag(Sends.class);
        if (sends != null && sends.count++ > 0) {
            throw new IOException("refused to send " + chain.request().method() + " "
                    + chain.request().url().encodedPath()
                    + " a second time: an order must never be sent twice silently");
        }
        return chain.proceed(chain.request());
    };

    private SingleSendGuard() {}

    /** One call runs on one thread at a time, so a plain counter will do. */
    private static final class Sends {
        private int count;
    }
}
