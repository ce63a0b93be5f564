package dev.peregrine.exchangesim;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderFiltersTest {

    private static final Instrument BTC = Instrument.trading(
                    "BTCUSDT", "BTC", "USDT", "0.01", "0.00001", "0.00001", "5")
            .withMarketMaxQtyAndMaxNotional("50", "100000");

    private static OrderRequest limit(String quantity, String price) {
        return new OrderRequest(
                "BTCUSDT",
                SpotOrder.Side.BUY,
                SpotOrder.Type.LIMIT,
                SpotOrder.TimeInForce.GTC,
                Optional.of(new BigDecimal(quantity)),
                Optional.empty(),
                Optional.of(new BigDecimal(price)),
                Optional.empty());
    }

    private static OrderRequest market(String quantity) {
        return new OrderRequest(
                "BTCUSDT",
                SpotOrder.Side.SELL,
                SpotOrder.Type.MARKET,
                SpotOrder.TimeInForce.GTC,
                Optional.of(new BigDecimal(quantity)),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    private static void check(OrderRequest order, Optional<BigDecimal> market) {
        OrderFilters.check(BTC, order, order.quantity().orElseThrow(), market);
    }

    @Test
    void priceAndQuantityMustSitOnTheTickAndStepWithinTheirBounds() {
        assertThatCode(() -> check(limit("0.00125", "4000.01"), Optional.empty()))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> check(limit("0.00125", "4000.015"), Optional.empty()))
                .hasMessage("Filter failure: PRICE_FILTER");
        assertThatThrownBy(() -> check(limit("0.001255", "4000.01"), Optional.empty()))
                .hasMessage("Filter failure: LOT_SIZE");
        assertThatThrownBy(() -> check(limit("9001", "4000.01"), Optional.empty()))
                .hasMessage("Filter failure: LOT_SIZE");
    }

    @Test
    void notionalMinAppliesToBothTypesAndMaxToLimitOnlyAndMarketLotSizeToMarket() {
        assertThatThrownBy(() -> check(limit("0.001", "4999.99"), Optional.empty()))
                .hasMessage("Filter failure: NOTIONAL");
        assertThatThrownBy(() -> check(limit("30", "4000"), Optional.empty())).hasMessage("Filter failure: NOTIONAL");
        assertThatThrownBy(() -> check(market("0.0001"), Optional.of(new BigDecimal("40000"))))
                .hasMessage("Filter failure: NOTIONAL");
        assertThatCode(() -> check(market("30"), Optional.of(new BigDecimal("40000"))))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> check(market("51"), Optional.of(new BigDecimal("40000"))))
                .hasMessage("Filter failure: MARKET_LOT_SIZE");
        assertThatCode(() -> check(market("0.0001"), Optional.empty())).doesNotThrowAnyException();
    }

    @Test
    void theOlderMinNotionalFilterIsNamedInTheFailure() {
        Instrument old = BTC.withNotionalFilter(Instrument.NotionalFilter.MIN_NOTIONAL);
        OrderRequest small = limit("0.001", "100");
        assertThatThrownBy(() -> OrderFilters.check(old, small, small.quantity().orElseThrow(), Optional.empty()))
                .hasMessage("Filter failure: MIN_NOTIONAL");
    }
}
