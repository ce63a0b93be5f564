package dev.peregrine.execution.adapter.out.binance;

import static dev.peregrine.execution.adapter.out.binance.SimulatedBinance.SYMBOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.peregrine.exchangesim.RecordedRequest;
import dev.peregrine.exchangesim.SpotOrder;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An order whose answer is lost, late or "status unknown" ends as {@link BinanceAnswer.Unknown} after exactly one
 * send, and the venue holds exactly one order with its client order id: the connector traps exchange-sim's TradingIT
 * pins (a pooled connection closed unanswered, HTTP 408) no longer re-send it.
 */
class NoSilentResendIT {

    @RegisterExtension
    final SimulatedBinance binance = SimulatedBinance.perTest();

    @Test
    void anOrderWhosePooledConnectionClosesUnansweredIsUnknownAndSentOnce() {
        assertThat(binance.rest.account()).isInstanceOf(BinanceAnswer.Ok.class); // leaves a pooled connection to reuse
        binance.exchange.faults().timeOutAfterNextOrders(1, Duration.ZERO);

        assertUnknownAndSentOnce(binance.rest.newOrder(buy("lost-2")), "lost-2");
        assertThat(binance.rest.queryOrder(SYMBOL, "lost-2"))
                .isInstanceOfSatisfying(
                        BinanceAnswer.Ok.class,
                        found -> assertThat(((VenueOrder) found.value()).status())
                                .isEqualTo(VenueOrderStatus.FILLED));
    }

    @Test
    void anOrderAnswered408WithMinus1007IsUnknownAndSentOnce() {
        assertThat(binance.rest.account()).isInstanceOf(BinanceAnswer.Ok.class);
        binance.exchange.faults().backendTimeoutAfterNextOrders(1, 408);

        BinanceAnswer<PlacedOrder> answer = binance.rest.newOrder(buy("maybe-1"));

        assertUnknownAndSentOnce(answer, "maybe-1");
        assertThat(((BinanceAnswer.Unknown<PlacedOrder>) answer).why())
                .contains("408")
                .contains("-1007");
    }

    @Test
    void anOrderAnsweredMinus1007With504OrAServerErrorIsUnknownAndExists() {
        binance.exchange.faults().backendTimeoutAfterNextOrders(1, 504);
        assertUnknownAndSentOnce(binance.rest.newOrder(buy("unknown-1")), "unknown-1");

        binance.exchange.faults().serverErrorAfterNextOrders(1, 502);
        BinanceAnswer<PlacedOrder> answer = binance.rest.newOrder(NewOrder.limit(
                SYMBOL, OrderSide.BUY, new BigDecimal("1"), new BigDecimal("90.00"), TimeInForce.GTC, "five-1"));
        assertThat(answer)
                .isInstanceOfSatisfying(
                        BinanceAnswer.Unknown.class,
                        unknown -> assertThat(unknown.why()).contains("502"));
        assertThat(binance.rest.queryOrder(SYMBOL, "five-1"))
                .isInstanceOfSatisfying(
                        BinanceAnswer.Ok.class,
                        found -> assertThat(((VenueOrder) found.value()).status())
                                .isEqualTo(VenueOrderStatus.NEW));
    }

    @Test
    void anOrderHeldPastTheReadTimeoutIsUnknownAndSentOnce() {
        assertThat(binance.rest.account()).isInstanceOf(BinanceAnswer.Ok.class);
        binance.exchange.faults().timeOutAfterNextOrders(1, SimulatedBinance.READ_TIMEOUT.multipliedBy(2));

        assertUnknownAndSentOnce(binance.rest.newOrder(buy("slow-1")), "slow-1");
    }

    @Test
    void theConnectorSendsThroughTheInstalledClientWhichHasNoRetriesOrRedirects() {
        OkHttpClient installed = ConnectorHttpClient.installed();

        assertThat(installed.retryOnConnectionFailure()).isFalse();
        assertThat(installed.followRedirects()).isFalse();
        assertThat(installed.readTimeoutMillis()).isEqualTo((int) SimulatedBinance.READ_TIMEOUT.toMillis());
    }

    /** OkHttp follows a 503 with {@code Retry-After: 0} whatever its settings; the guard fails the second send. */
    @Test
    void aRequestOkHttpWouldRepeatOnItsOwnIsSentOnceAndFails() throws IOException {
        AtomicInteger received = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            received.incrementAndGet();
            exchange.getResponseHeaders().set("Retry-After", "0");
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        try {
            Request request = new Request.Builder()
                    .url("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v3/order")
                    .get()
                    .build();

            assertThatThrownBy(() -> ConnectorHttpClient.installed()
                            .newCall(request)
                            .execute()
                            .close())
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("a second time");
            assertThat(received).hasValue(1);
        } finally {
            server.stop(0);
        }
    }

    private void assertUnknownAndSentOnce(BinanceAnswer<PlacedOrder> answer, String clientOrderId) {
        assertThat(answer).isInstanceOf(BinanceAnswer.Unknown.class);
        assertThat(binance.exchange.orders(SYMBOL))
                .filteredOn(order -> order.clientOrderId().equals(clientOrderId))
                .extracting(SpotOrder::clientOrderId)
                .containsExactly(clientOrderId);
        // The venue logs a request once it has answered it or closed its connection, after any hold.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !binance.exchange
                        .requests()
                        .matching(NoSilentResendIT::isOrderPost)
                        .isEmpty());
        assertThat(binance.exchange.requests().matching(NoSilentResendIT::isOrderPost))
                .hasSize(1);
    }

    private static boolean isOrderPost(RecordedRequest request) {
        return request.method().equals("POST") && request.path().equals("/api/v3/order");
    }

    private static NewOrder buy(String clientOrderId) {
        return NewOrder.market(SYMBOL, OrderSide.BUY, new BigDecimal("1"), clientOrderId);
    }
}
