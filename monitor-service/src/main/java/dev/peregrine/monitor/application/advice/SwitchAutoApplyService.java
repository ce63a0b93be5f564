package dev.peregrine.monitor.application.advice;

import dev.peregrine.monitor.application.advice.port.in.SwitchAutoApply;
import dev.peregrine.monitor.application.advice.port.out.AdviceMetrics;
import dev.peregrine.monitor.application.advice.port.out.AdviceStore;
import dev.peregrine.monitor.domain.advice.AutoApplySwitch;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/** The operator's switch: each use is stored with who, when and why; the latest is the switch's position. */
public final class SwitchAutoApplyService implements SwitchAutoApply {

    private final AdviceStore store;
    private final AdviceMetrics metrics;
    private final Clock clock;

    public SwitchAutoApplyService(AdviceStore store, AdviceMetrics metrics, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public AutoApplySwitch current() {
        AutoApplySwitch current = store.currentSwitch().orElse(AutoApplySwitch.NEVER_SET);
        metrics.autoApply(current.enabled());
        return current;
    }

    @Override
    public synchronized AutoApplySwitch switchTo(boolean enabled, String reason, String changedBy) {
        AutoApplySwitch change = new AutoApplySwitch(
                enabled, Objects.requireNonNull(reason, "reason").trim(), changedBy, clock.instant());
        store.recordSwitch(change);
        metrics.autoApply(enabled);
        return change;
    }

    @Override
    public List<AutoApplySwitch> history(int limit) {
        return store.switches(limit);
    }
}
