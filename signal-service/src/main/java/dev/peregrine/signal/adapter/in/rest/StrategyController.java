package dev.peregrine.signal.adapter.in.rest;

import dev.peregrine.common.event.StrategyState;
import dev.peregrine.platform.kafka.PublishFailedException;
import dev.peregrine.signal.application.port.in.ChangeOutcome;
import dev.peregrine.signal.application.port.in.ManageStrategies;
import dev.peregrine.signal.domain.Strategy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Strategy lifecycle for operators: list (VIEWER), pause, resume and set the runtime weight (OPERATOR). The
 * authenticated principal is recorded as who made the change. Unknown (or retired) ids are a 404, invalid bodies
 * a 400 naming the field.
 */
@RestController
@RequestMapping("/api/v1/strategies")
public class StrategyController {

    static final String DEFAULT_RESUME_REASON = "resumed by operator without a reason";

    private final ManageStrategies manageStrategies;

    public StrategyController(ManageStrategies manageStrategies) {
        this.manageStrategies = manageStrategies;
    }

    @GetMapping
    public List<StrategyView> list() {
        return manageStrategies.list().stream().map(StrategyView::of).toList();
    }

    @PostMapping("/{id}/pause")
    public ChangeView pause(@PathVariable String id, @Valid @RequestBody PauseRequest request, Principal principal) {
        return view(manageStrategies.pause(id, request.reason().trim(), principal.getName()));
    }

    @PostMapping("/{id}/resume")
    public ChangeView resume(
            @PathVariable String id, @Valid @RequestBody(required = false) ResumeRequest request, Principal principal) {
        String reason =
                request == null || request.reason() == null || request.reason().isBlank()
                        ? DEFAULT_RESUME_REASON
                        : request.reason().trim();
        return view(manageStrategies.resume(id, reason, principal.getName()));
    }

    @PutMapping("/{id}/weight")
    public ChangeView weight(@PathVariable String id, @Valid @RequestBody WeightRequest request, Principal principal) {
        return view(manageStrategies.setWeight(
                id, request.weight(), request.reason().trim(), principal.getName()));
    }

    /** The change is saved but could not be announced; the caller should know it is not complete. */
    @ExceptionHandler(PublishFailedException.class)
    public ProblemDetail announcementFailed(PublishFailedException e) {
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "the change was saved but could not be announced on Kafka: " + e.getMessage());
    }

    private static ChangeView view(ChangeOutcome outcome) {
        return switch (outcome) {
            case ChangeOutcome.Changed changed -> new ChangeView(StrategyView.of(changed.strategy()), true);
            case ChangeOutcome.Unchanged unchanged -> new ChangeView(StrategyView.of(unchanged.strategy()), false);
            case ChangeOutcome.AlreadyApplied applied ->
                throw new IllegalStateException("operator changes are never replays: "
                        + applied.announcement().envelope().eventId());
            case ChangeOutcome.UnknownStrategy unknown ->
                throw new NoSuchElementException("no strategy with id '" + unknown.strategyId() + "'");
        };
    }

    public record PauseRequest(
            @NotBlank(message = "must say why the strategy is paused (a non-empty text, e.g. drawdown limit hit)")
            @Size(max = 500, message = "keep the reason under 500 characters")
            String reason) {}

    /**
     * @param weight the runtime weight, 0 (muted: the analyst's opinion no longer counts) to 1 (full regime weight)
     */
    public record WeightRequest(
            @NotNull(message = "must give the weight, a number from 0 to 1")
            @DecimalMin(value = "0", message = "must be at least 0 (0 mutes the strategy in the consensus)")
            @DecimalMax(value = "1", message = "must be at most 1 (1 is the strategy's full regime weight)")
            BigDecimal weight,

            @NotBlank(message = "must say why the weight changes (a non-empty text, e.g. underperforming since May)")
            @Size(max = 500, message = "keep the reason under 500 characters")
            String reason) {}

    public record ResumeRequest(
            @Size(max = 500, message = "keep the reason under 500 characters")
            String reason) {}

    public record StrategyView(
            String id, StrategyState state, BigDecimal weight, String reason, String changedBy, Instant changedAt) {

        static StrategyView of(Strategy strategy) {
            return new StrategyView(
                    strategy.id(),
                    strategy.state(),
                    strategy.weight(),
                    strategy.reason(),
                    strategy.changedBy(),
                    strategy.changedAt());
        }
    }

    /** @param changed false when the strategy already was in the requested state */
    public record ChangeView(StrategyView strategy, boolean changed) {}
}
