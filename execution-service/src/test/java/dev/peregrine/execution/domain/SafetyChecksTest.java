package dev.peregrine.execution.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.common.event.OrderType;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Side;
import dev.peregrine.execution.fixtures.Terms;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SafetyChecksTest {

    private final SafetyChecks checks = new SafetyChecks(new BigDecimal("100000"));

    private static final Instant NOT_BEFORE = Instant.parse("2024-03-01T09:14:59.999Z");

    private static OrderTerms terms(OrderType type, String quantity) {
        return Terms.entry("pg-1", type, quantity, NOT_BEFORE, OrderRole.entry(null, null));
    }

    @Test
    void aPositiveMarketOrderIsApprovedForAcceptance() {
        assertThat(checks.beforeAcceptance(terms(OrderType.MARKET, "0.5"))).isEqualTo(SafetyDecision.APPROVED);
    }

    @Test
    void aZeroQuantityIsDenied() {
        assertThat(checks.beforeAcceptance(terms(OrderType.MARKET, "0")))
                .isInstanceOfSatisfying(
                        SafetyDecision.Denied.class,
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
                    assertThat(denied.reason().detail())
                            .contains("100000.00000002")
                            .contains("100000");
                });
    }

    @Test
    void sellsAreNeverRefusedForTheirNotionalSoAPositionCanAlwaysBeClosed() {
        OrderTerms exit = Terms.of(
                "pg-exit",
                Side.SELL,
                OrderType.MARKET,
                "2",
                null,
                NOT_BEFORE,
                OrderRole.exit(Reason.of("OPPOSITE_SIGNAL", "bearish")));
        OrderTerms stop = Terms.of(
                "pg-stop",
                Side.SELL,
                OrderType.MARKET,
                "2",
                null,
                NOT_BEFORE,
                OrderRole.protective(OrderPurpose.STOP_LOSS, "pg-1", Price.of("45000"), null));

        assertThat(checks.beforeExecution(exit, Price.of("60000"))).isEqualTo(SafetyDecision.APPROVED);
        assertThat(checks.beforeExecution(stop, Price.of("60000"))).isEqualTo(SafetyDecision.APPROVED);
    }

    @Test
    void theMaximumMustBePositive() {
        assertThatThrownBy(() -> new SafetyChecks(BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
