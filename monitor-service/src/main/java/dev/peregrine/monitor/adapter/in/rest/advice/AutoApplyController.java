package dev.peregrine.monitor.adapter.in.rest.advice;

import dev.peregrine.monitor.application.advice.port.in.ApplyWeightAdvice;
import dev.peregrine.monitor.application.advice.port.in.SwitchAutoApply;
import dev.peregrine.monitor.domain.advice.AutoApplySwitch;
import dev.peregrine.monitor.domain.advice.WeightChange;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's switch for applying weight advice: {@code PUT /api/v1/strategies/advice/auto-apply} (OPERATOR, with a
 * reason) and {@code GET} (VIEWER) for its position, its audit trail and the weights sent.
 */
@RestController
public class AutoApplyController {

    static final int HISTORY = 50;

    private final SwitchAutoApply autoApply;
    private final ApplyWeightAdvice apply;

    public AutoApplyController(SwitchAutoApply autoApply, ApplyWeightAdvice apply) {
        this.autoApply = autoApply;
        this.apply = apply;
    }

    public record SwitchRequest(
            @NotNull(message = "must say whether advice is applied: \"enabled\": true or false")
            Boolean enabled,

            @NotBlank(message = "must say why (a non-empty text, e.g. advice reviewed for a month)")
            @Size(max = 500, message = "keep the reason under 500 characters")
            // PostgreSQL text cannot hold a NUL: a 400 here, not a failed insert (a 500).
            @Pattern(regexp = "[^\\u0000]*", message = "must not contain a NUL character")
            String reason) {}

    /** A weight sent (or still to send), old to new, with the numbers it came from. */
    public record ChangeView(
            String strategyId,
            Double previousWeight,
            double weight,
            int sampleSize,
            double mean,
            double shrunkMean,
            double lowerBound,
            Duration horizon,
            Instant windowStart,
            Instant decidedAt,
            String reason) {

        static ChangeView of(WeightChange change) {
            return new ChangeView(
                    change.strategyId(),
                    change.previous().isPresent() ? change.previous().getAsDouble() : null,
                    change.weight(),
                    change.evidence().sampleSize(),
                    change.evidence().mean(),
                    change.evidence().shrunkMean(),
                    change.evidence().lowerBound(),
                    change.horizon(),
                    change.windowStart(),
                    change.decidedAt(),
                    change.reason());
        }
    }

    public record AutoApplyView(AutoApplySwitch current, List<AutoApplySwitch> history, List<ChangeView> changes) {}

    @PutMapping("/api/v1/strategies/advice/auto-apply")
    public AutoApplySwitch switchTo(@Valid @RequestBody SwitchRequest request, Principal principal) {
        return autoApply.switchTo(request.enabled(), request.reason().trim(), principal.getName());
    }

    @GetMapping("/api/v1/strategies/advice/auto-apply")
    public AutoApplyView view() {
        return new AutoApplyView(
                autoApply.current(),
                autoApply.history(HISTORY),
                apply.recentChanges(HISTORY).stream().map(ChangeView::of).toList());
    }
}
