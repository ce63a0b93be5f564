package dev.peregrine.execution.adapter.out.binance;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * Replaces the one OkHttpClient every {@code SpotClientImpl} of binance-connector-java 3.4.1 sends through (a private
 * static field of {@code HttpClientSingleton}, copied into {@code ResponseHandler} on each call) with one that never
 * sends a request twice.
 *
 * <p>Why: the connector's default {@code new OkHttpClient()} has {@code retryOnConnectionFailure = true}. When a pooled
 * connection closes without an answer it sends the same order POST again, and it repeats a request answered with HTTP
 * 408; the caller then sees only the second answer while the venue holds two orders (exchange-sim's TradingIT pins
 * both, "Connector traps"). An order whose send failed must end as "unknown", to be looked up, never be re-sent
 * silently. So: no retry on connection failure, no redirects, the {@link SingleSendGuard}, and explicit time-outs.
 *
 * <p>The field is JVM-wide: every connector REST client in the JVM (ingest's too, in the local stack) sends through
 * the client installed last. Installing fails loudly when the fields are gone (a connector upgrade): check the new
 * version's {@code HttpClientSingleton} and {@code ResponseHandler} with {@code javap -p -c}.
 */
public final class ConnectorHttpClient {

    private static final String SINGLETON = "com.binance.connector.client.utils.httpclient.HttpClientSingleton";
    private static final String SINGLETON_FIELD = "httpClient";
    private static final String RESPONSE_HANDLER = "com.binance.connector.client.utils.ResponseHandler";
    private static final String RESPONSE_HANDLER_FIELD = "client";

    private ConnectorHttpClient() {}

    /** Builds the client and installs it in the connector; returns it. */
    public static synchronized OkHttpClient install(Duration connectTimeout, Duration readTimeout, Duration keepAlive) {
        OkHttpClient client = build(connectTimeout, readTimeout, keepAlive);
        set(SINGLETON, SINGLETON_FIELD, client);
        set(RESPONSE_HANDLER, RESPONSE_HANDLER_FIELD, client);
        return client;
    }

    /** The client the connector sends through now (null before its first call when nothing was installed). */
    public static OkHttpClient installed() {
        try {
            return (OkHttpClient) field(SINGLETON, SINGLETON_FIELD).get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + SINGLETON + "." + SINGLETON_FIELD, e);
        }
    }

    static OkHttpClient build(Duration connectTimeout, Duration readTimeout, Duration keepAlive) {
        return new OkHttpClient.Builder()
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                // Idle connections the server may already have closed are dropped early: a send on one fails (Unknown).
                .connectionPool(new ConnectionPool(5, keepAlive.toMillis(), TimeUnit.MILLISECONDS))
                .addInterceptor(SingleSendGuard.TAG)
                .addInterceptor(new RetryAfterCapture())
                .addNetworkInterceptor(SingleSendGuard.GUARD)
                .build();
    }

    private static void set(String className, String fieldName, OkHttpClient client) {
        try {
            field(className, fieldName).set(null, client);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot replace " + className + "." + fieldName, e);
        }
    }

    private static Field field(String className, String fieldName) {
        try {
            Field field = Class.forName(className).getDeclaredField(fieldName);
            if (!Modifier.isStatic(field.getModifiers())
                    || Modifier.isFinal(field.getModifiers())
                    || field.getType() != OkHttpClient.class) {
                throw new IllegalStateException(
                        className + "." + fieldName + " is no longer a non-final static OkHttpClient:"
                                + " the connector changed, re-check how it sends (see this class's javadoc)");
            }
            field.setAccessible(true);
            return field;
        } catch (ClassNotFoundException | NoSuchFieldException e) {
            throw new IllegalStateException(
                    "binance-connector-java has no " + className + "." + fieldName
                            + ": the connector changed, re-check how it sends (see this class's javadoc)",
                    e);
        }
    }
}
