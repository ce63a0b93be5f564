package dev.peregrine.risk.adapter.in.rest;

import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.risk.application.port.in.OperateRiskControls;
import dev.peregrine.risk.application.port.in.PortfolioView;
import dev.peregrine.risk.application.port.in.ViewPortfolio;
import dev.peregrine.risk.domain.RiskDecision;
import dev.peregrine.risk.domain.control.CapitalRamp;
import dev.peregrine.risk.domain.control.ControlTransition;
import dev.peregrine.risk.domain.portfolio.Position;
import dev.peregrine.risk.domain.sizing.SizedEntry;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The portfolio and the risk controls over REST. Reads need VIEWER; the breaker reset and the kill switch need
 * OPERATOR and a reason, and are audited with the caller's name; the what-if evaluation needs VIEWER and stores
 * and sends nothing. Bad input is an {@link IllegalArgumentException} (400 via the platform's error handler).
 */
@RestController
@RequestMapping("/api/v1")
public class PortfolioController {

    private static final int MAX_LIMIT = 500;

    private final ViewPortfolio view;
    private final OperateRiskControls controls;
    private final Clock clock;

    public PortfolioController(ViewPortfolio view, OperateRiskControls controls, Clock clock) {
        this.view = view;
        this.controls = controls;
        this.clock = clock;
    }

    @GetMapping("/portfolio")
    public PortfolioResponse portfolio() {
        return PortfolioResponse.of(view.portfolio());
    }

    @GetMapping("/positions")
    public List<PositionResponse> positions(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String strategy,
            @RequestParam(required = false) String symbol,
            @RequestParam(defaultValue = "100") String limit) {
        // strip, not trim: trim would also drop control characters and read "\u0000" as no status at all.
        Boolean open = switch (status == null ? "" : status.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "" -> null;
            case "open" -> true;
            case "closed" -> false;
            default ->
                throw new IllegalArgumentException("status must be open or closed: '" + abbreviate(status) + "'");
        };
        String symbolValue = symbol == null || symbol.isBlank()
                ? null
                : Symbol.parseLenient(symbol).value();
        if (strategy != null && strategy.indexOf('\u0000') >= 0) {
            // PostgreSQL text cannot hold a NUL: refused here as a bad filter rather than failing the query (a 500).
            throw new IllegalArgumentException("strategy must not contain a NUL character");
        }
        return view
                .positions(
                        open, strategy == null || strategy.isBlank() ? null : strategy, symbolValue, parseLimit(limit))
                .stream()
                .map(PositionResponse::of)
                .toList();
    }

    @GetMapping("/risk/limits")
    public Map<String, Object> limits() {
        PortfolioView portfolio = view.portfolio();
        return Map.of(
                "limits",
                portfolio.limits(),
                "exposureByGroup",
                portfolio.exposureByGroup(),
                "groups",
                portfolio.groups());
    }

    @PostMapping("/risk/breaker/reset")
    public List<ControlTransition> resetBreaker(
            @RequestBody(required = false) ReasonRequest body, Authentication caller) {
        return controls.reset(caller.getName(), reasonOf(body));
    }

    @PostMapping("/risk/kill-switch")
    public List<ControlTransition> engageKillSwitch(
            @RequestBody(required = false) ReasonRequest body, Authentication caller) {
        return controls.engageKillSwitch(caller.getName(), reasonOf(body));
    }

    @DeleteMapping("/risk/kill-switch")
    public List<ControlTransition> releaseKillSwitch(
            @RequestBody(required = false) ReasonRequest body,
            @RequestParam(required = false) String reason,
            Authentication caller) {
        return controls.releaseKillSwitch(
                caller.getName(), body != null ? reasonOf(body) : reasonOf(new ReasonRequest(reason)));
    }

    /** The capital ramp in force (VIEWER). */
    @GetMapping("/risk/capital-ramp")
    public CapitalRampResponse capitalRamp() {
        return CapitalRampResponse.of(controls.capitalRamp());
    }

    /**
     * Sets the capital ramp (OPERATOR, with a reason; audited). A cap left out or null is no cap:
     * {@code {"maxOrderNotional": "100", "maxTotalExposure": "500", "reason": "two clean weeks on 50/200"}}.
     */
    @PutMapping("/risk/capital-ramp")
    public List<ControlTransition> setCapitalRamp(
            @RequestBody(required = false) CapitalRampRequest body, Authentication caller) {
        if (body == null) {
            throw new IllegalArgumentException("a body is required: {\"maxOrderNotional\": \"100\", "
                    + "\"maxTotalExposure\": \"500\", \"reason\": \"why\"}");
        }
        return controls.setCapitalRamp(caller.getName(), reasonOf(new ReasonRequest(body.reason())), body.ramp());
    }

    /** The capital ramp's caps, in the quote asset; null = no cap. */
    public record CapitalRampResponse(BigDecimal maxOrderNotional, BigDecimal maxTotalExposure, boolean off) {
        static CapitalRampResponse of(CapitalRamp ramp) {
            return new CapitalRampResponse(ramp.maxOrderNotional(), ramp.maxTotalExposure(), ramp.isOff());
        }
    }

    /** A new capital ramp and why. */
    public record CapitalRampRequest(String maxOrderNotional, String maxTotalExposure, String reason) {
        CapitalRamp ramp() {
            return new CapitalRamp(
                    amount("maxOrderNotional", maxOrderNotional), amount("maxTotalExposure", maxTotalExposure));
        }

        private static BigDecimal amount(String name, String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                BigDecimal value = new BigDecimal(text.trim());
                if (value.signum() < 0 || value.precision() - value.scale() > 18) {
                    throw new NumberFormatException();
                }
                return value;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a non-negative decimal amount in the quote asset, "
                        + "e.g. \"100\"; got '" + abbreviate(text) + "'");
            }
        }
    }

    @PostMapping("/risk/evaluate")
    public EvaluationResponse evaluate(@RequestBody(required = false) EvaluateRequest body) {
        if (body == null) {
            throw new IllegalArgumentException("a body is required: {\"strategyId\": \"momentum\", \"symbol\": "
                    + "\"BTCUSDT\", \"entryPrice\": \"27000\", \"stopPrice\": \"26500\", \"confidence\": 0.7, "
                    + "\"sizeMultiplier\": 1}");
        }
        SignalValidated hypothetical = body.toSignal(clock);
        SizedEntry sized = view.evaluate(hypothetical);
        return EvaluationResponse.of(sized);
    }

    private static String reasonOf(ReasonRequest body) {
        if (body == null || body.reason() == null || body.reason().isBlank()) {
            throw new IllegalArgumentException("a reason is required: {\"reason\": \"what happened and why\"}");
        }
        return body.reason().trim();
    }

    private static int parseLimit(String limit) {
        try {
            int value = Integer.parseInt(limit.trim());
            if (value < 1 || value > MAX_LIMIT) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "limit must be a whole number between 1 and " + MAX_LIMIT + ": '" + abbreviate(limit) + "'");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    /** An operator's reason. */
    public record ReasonRequest(String reason) {}

    /** A hypothetical BUY signal; {@code regime} (e.g. TRENDING_HIGH) is optional. */
    public record EvaluateRequest(
            String strategyId,
            String symbol,
            String entryPrice,
            String stopPrice,
            Double confidence,
            Double sizeMultiplier,
            String regime) {

        SignalValidated toSignal(Clock clock) {
            if (strategyId == null
                    || strategyId.isBlank()
                    || symbol == null
                    || entryPrice == null
                    || stopPrice == null) {
                throw new IllegalArgumentException("strategyId, symbol, entryPrice and stopPrice are required");
            }
            double conf = confidence == null ? 1 : confidence;
            double multiplier = sizeMultiplier == null ? 1 : sizeMultiplier;
            if (!(conf >= 0 && conf <= 1) || !(multiplier >= 0 && multiplier <= 1)) {
                throw new IllegalArgumentException("confidence and sizeMultiplier must be within 0..1");
            }
            // Nothing is stored or sent: the id only satisfies the signal's shape, derived so the call is repeatable.
            UUID id = dev.peregrine.common.id.DerivedIds.from("what-if", strategyId, symbol, entryPrice, stopPrice);
            java.time.Instant now = clock.instant();
            return new SignalValidated(
                    Envelope.root(id, now, now),
                    id,
                    strategyId.trim(),
                    Symbol.parseLenient(symbol),
                    Interval.FIFTEEN_MINUTES,
                    now,
                    Side.BUY,
                    100,
                    Grade.A,
                    conf,
                    multiplier,
                    RecommendedAction.TRADE,
                    true,
                    Price.of(entryPrice),
                    Price.of(stopPrice),
                    List.of(),
                    regime);
        }
    }

    /** The what-if's answer: the decision, every reason and every check with its numbers. */
    public record EvaluationResponse(
            String outcome,
            BigDecimal quantity,
            BigDecimal stopLoss,
            BigDecimal takeProfit,
            List<dev.peregrine.common.event.Reason> reasons,
            List<dev.peregrine.risk.domain.sizing.LimitCheck> checks) {

        static EvaluationResponse of(SizedEntry sized) {
            return switch (sized.decision()) {
                case RiskDecision.Approved approved ->
                    new EvaluationResponse(
                            "APPROVED",
                            approved.quantity().value(),
                            sized.stopLoss(),
                            sized.takeProfit(),
                            approved.reasons(),
                            sized.checks());
                case RiskDecision.Denied denied ->
                    new EvaluationResponse("DENIED", null, null, null, denied.reasons(), sized.checks());
            };
        }
    }

    /** A position as operators read it. */
    public record PositionResponse(
            UUID positionId,
            String strategyId,
            String symbol,
            String status,
            BigDecimal quantity,
            BigDecimal averageEntry,
            BigDecimal cost,
            BigDecimal realisedPnl,
            BigDecimal fees,
            java.time.Instant openedAt,
            java.time.Instant closedAt,
            String closeReason,
            BigDecimal stopLoss,
            BigDecimal takeProfit) {

        static PositionResponse of(Position p) {
            return new PositionResponse(
                    p.positionId(),
                    p.key().strategyId(),
                    p.key().symbol().value(),
                    p.isOpen() ? "OPEN" : "CLOSED",
                    p.quantity(),
                    Money.shown(p.averageEntry()),
                    Money.shown(p.cost()),
                    Money.shown(p.realisedPnl()),
                    Money.shown(p.fees()),
                    p.openedAt(),
                    p.closedAt(),
                    p.closeReason(),
                    p.stopLoss(),
                    p.takeProfit());
        }
    }

    /** Rounding for display: 8 decimals, as Binance shows assets. */
    static final class Money {
        static BigDecimal shown(BigDecimal value) {
            return value == null ? null : dev.peregrine.risk.domain.portfolio.Money18.shown(value);
        }
    }
}
