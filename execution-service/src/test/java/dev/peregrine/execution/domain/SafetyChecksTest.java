package dev.peregrine.execution.domain;

import dev.peregrine.common.event.OrderType;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafetyChecksTest {

    private final SafetyChecks checks = new SafetyChecks(new BigDecimal("100000"));

    private static OrderTerms terms(OrderType type, String quantity) {
        Instant notBefore = Instant.parse("2024-03-01T09:14:59.999Z");
        return new OrderTerms("pg-1", UUID.randomUUID(), "s", Symbol.of("BTCUSDT"), Side.SELL, type,
                Quantity.of(quantity), type == OrderType.LIMIT ? Price.of("100") : null, notBefore,
                new Causation(UUID.randomUUID(), UUID.randomUUID(), notBefore));
    }

    @Test
    void aPositiveMarketOrderIsApprovedForAcceptance() {
        assertThat(checks.beforeAcceptance(terms(OrderType.MARKET, "0.5"))).isEqualTo(SafetyDecision.APPROVED);
    }

    @Test
    void aZeroQuantityIsDenied() {
        assertThat(checks.beforeAcceptance(terms(OrderType.MARKET, "0")))
                .isInstanceOfSatisfying(SafetyDecision.Denied.class,
                        denied -> assertThat(denied.reason().code()).isEqualTo(RejectionCodes.INVALID_QUANTITY));
    }

    @Test
    void aLimitOrderIsDeniedAsUnsupportedForNow() {
        assertThat(checks.beforeAcceptance(terms(OrderType.LIMIT, "1")))
                .isInstanceOfSatisfying(SafetyDecision.Denied.class, denied -> {
                    assertThat(denied.reason().code()).isEqualTo(RejectionCodes.UNSUPPORTED_ORDER_TYPE);
                    assertThat(denied.reason().detail()).contains("LIMIT");
                });
    }

    @Test
    void aNotionalUpToTheMaximumIsApproved() {
        // 2 × 50000 = 100000: exactly the maximum
        assertThat(checks.beforeExecution(terms(OrderType.MARKET, "2"), Price.of("50000")))
                .isEqualTo(SafetyDecision.APPROVED);
    }

    @Test
    void aNotionalAboveTheMaximumIsDeniedWithTheNumbers() {
        assertThat(checks.beforeExecution(terms(OrderType.MARKET, "2"), Price.of("50000.00000001")))
                .isInstanceOfSatisfying(SafetyDecision.Denied.class, denied -> {
                    assertThat(denied.reason().code()).isEqualTo(RejectionCodes.MAX_NOTIONAL_EXCEEDED);
                    assertThat(denied.reason().detail()).contains("100000.00000002").contains("100000");
                });
    }

    @Test
    void theMaximumMustBePositive() {
        assertThatThrownBy(() -> new SafetyChecks(BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
