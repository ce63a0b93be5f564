package dev.peregrine.execution.domain;

import dev.peregrine.common.event.OrderType;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaperFillRuleTest {

    private static final Instant NOT_BEFORE = Instant.parse("2024-03-01T09:14:59.999Z");
    private final PaperFillRule rule = new PaperFillRule(new BigDecimal("0.001"), "USDT");

    private static OrderTerms terms(OrderType type, String quantity) {
        return new OrderTerms("pg-1", UUID.randomUUID(), "s", Symbol.of("BTCUSDT"), Side.BUY, type, Quantity.of(quantity),
                type == OrderType.LIMIT ? Price.of("100") : null, NOT_BEFORE,
                new Causation(UUID.randomUUID(), UUID.randomUUID(), NOT_BEFORE));
    }

    private static MarketOpen open(String symbol, Instant openTime, String price) {
        return new MarketOpen(Symbol.of(symbol), Interval.FIFTEEN_MINUTES, openTime, Price.of(price));
    }

    @Test
    void aMarketOrderFillsAtTheOpenOfTheNextCandleExactly() {
        Instant nextOpen = NOT_BEFORE.plusMillis(1);

        Fill fill = rule.fillOn(terms(OrderType.MARKET, "0.5"), open("BTCUSDT", nextOpen, "100.12345678"));

        assertThat(fill.price()).isEqualTo(Price.of("100.12345678"));
        assertThat(fill.marketTime()).isEqualTo(nextOpen);
        // 0.5 × 100.12345678 × 0.001 = 0.05006172839 → 0.05006173
        assertThat(fill.fee()).isEqualTo(Money.of("0.05006173", "USDT"));
    }

    @Test
    void onlyCandlesOpeningStrictlyAfterNotBeforeExecute() {
        OrderTerms market = terms(OrderType.MARKET, "1");

        assertThat(rule.executesOn(market, open("BTCUSDT", NOT_BEFORE, "100"))).isFalse();
        assertThat(rule.executesOn(market, open("BTCUSDT", NOT_BEFORE.minusSeconds(900), "100"))).isFalse();
        assertThat(rule.executesOn(market, open("BTCUSDT", NOT_BEFORE.plusMillis(1), "100"))).isTrue();
        assertThat(rule.executesOn(market, open("ETHUSDT", NOT_BEFORE.plusMillis(1), "100"))).isFalse();
        assertThat(rule.executesOn(terms(OrderType.LIMIT, "1"), open("BTCUSDT", NOT_BEFORE.plusMillis(1), "100")))
                .isFalse();
        assertThatThrownBy(() -> rule.fillOn(market, open("BTCUSDT", NOT_BEFORE, "100")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} x {1} x {2} = {3}")
    @CsvSource({
            // exact, no rounding needed
            "2, 50000, 0.001, 100.00000000",
            // a ninth decimal 5 rounds up (half-up; half-even would give 0 and 0.00000002 below)
            "0.00000005, 100, 0.001, 0.00000001",
            "0.00000015, 100, 0.001, 0.00000002",
            "0.00000025, 100, 0.001, 0.00000003",
            // just below half rounds down
            "0.000000049, 100, 0.001, 0.00000000",
            "0.5, 100.12345678, 0.001, 0.05006173",
            "0.123, 27124.98, 0.00075, 2.50227941",
            // zero fee rate is allowed and gives a zero fee
            "3, 100, 0, 0E-8"})
    void theFeeIsQuantityTimesPriceTimesRateRoundedHalfUpToEightDecimals(String quantity, String price, String rate,
                                                                         String expected) {
        Money fee = new PaperFillRule(new BigDecimal(rate), "USDT").fee(Quantity.of(quantity), Price.of(price));

        assertThat(fee.amount()).isEqualTo(new BigDecimal(expected));
        assertThat(fee.amount().scale()).isEqualTo(8);
        assertThat(fee.currency()).isEqualTo("USDT");
    }
}
