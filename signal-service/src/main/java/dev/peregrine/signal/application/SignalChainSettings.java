package dev.peregrine.signal.application;

import dev.peregrine.signal.domain.LowStrengthPause;
import dev.peregrine.signal.domain.SignalPipeline;
import dev.peregrine.signal.domain.SignalValidator;
import dev.peregrine.signal.domain.ValidationConfig;
import dev.peregrine.signal.domain.analyst.Analyst;
import dev.peregrine.signal.domain.analyst.AnalystPanel;
import dev.peregrine.signal.domain.consensus.ArbiterConfig;
import dev.peregrine.signal.domain.consensus.ConsensusConfig;
import dev.peregrine.signal.domain.consensus.Deliberation;
import dev.peregrine.signal.domain.ml.MlFilter;
import dev.peregrine.signal.domain.regime.RegimeWeights;
import java.util.List;
import java.util.Objects;

/**
 * The configuration signal-service reads ({@code peregrine.signal.consensus.*} and
 * {@code peregrine.signal.arbiter.*}) and the analysts added to the standard five (each an {@code Analyst} bean
 * of the service, docs/architecture.md "Adding an analyst"); the standard analysts, regime weights, series state
 * and validator use their documented defaults, as in the service; {@code mlFilter} is the ML filter's threshold
 * ({@code peregrine.signal.ml.threshold}) and where it finds its model (the service's registry; none by default);
 * {@code validation} is the validator's configuration ({@code peregrine.signal.validation.*} and the calibration
 * of {@code peregrine.signal.calibration.file}; uncalibrated, no confidence floor by default);
 * {@code strengthPause} the seed's pause of a strategy whose recent signals were weak
 * ({@code peregrine.signal.strength-pause.*}; off by default).
 */
public record SignalChainSettings(
        ConsensusConfig consensus,
        ArbiterConfig arbiter,
        List<Analyst> addedAnalysts,
        MlFilter mlFilter,
        ValidationConfig validation,
        LowStrengthPause strengthPause) {

    public SignalChainSettings {
        Objects.requireNonNull(consensus, "consensus");
        Objects.requireNonNull(arbiter, "arbiter");
        addedAnalysts = List.copyOf(Objects.requireNonNull(addedAnalysts, "addedAnalysts"));
        Objects.requireNonNull(mlFilter, "mlFilter");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(strengthPause, "strengthPause");
    }

    /** Without the low-strength pause (off, as by default). */
    public SignalChainSettings(
            ConsensusConfig consensus,
            ArbiterConfig arbiter,
            List<Analyst> addedAnalysts,
            MlFilter mlFilter,
            ValidationConfig validation) {
        this(consensus, arbiter, addedAnalysts, mlFilter, validation, LowStrengthPause.OFF);
    }

    /** With the validator's defaults (uncalibrated, no confidence floor or target). */
    public SignalChainSettings(
            ConsensusConfig consensus, ArbiterConfig arbiter, List<Analyst> addedAnalysts, MlFilter mlFilter) {
        this(consensus, arbiter, addedAnalysts, mlFilter, ValidationConfig.defaults());
    }

    /** Without a model: the filter records "no model" and changes nothing. */
    public SignalChainSettings(ConsensusConfig consensus, ArbiterConfig arbiter, List<Analyst> addedAnalysts) {
        this(consensus, arbiter, addedAnalysts, MlFilter.withoutModel());
    }

    /** These settings with another ML filter (a threshold and a model source). */
    public SignalChainSettings withMlFilter(MlFilter filter) {
        return new SignalChainSettings(consensus, arbiter, addedAnalysts, filter, validation, strengthPause);
    }

    /** These settings with another validator configuration. */
    public SignalChainSettings withValidation(ValidationConfig config) {
        return new SignalChainSettings(consensus, arbiter, addedAnalysts, mlFilter, config, strengthPause);
    }

    /** These settings with another low-strength pause ({@code peregrine.signal.strength-pause.*}). */
    public SignalChainSettings withStrengthPause(LowStrengthPause pause) {
        return new SignalChainSettings(consensus, arbiter, addedAnalysts, mlFilter, validation, pause);
    }

    /** The standard five analysts only. */
    public SignalChainSettings(ConsensusConfig consensus, ArbiterConfig arbiter) {
        this(consensus, arbiter, List.of());
    }

    /**
     * The defaults of {@code signal-service.yml} (min-agreeing 2, conflict-threshold 0.25, max-conflict-penalty
     * 0.5, conviction-threshold 0.25); {@code SignalChainSettingsTest} binds that file and checks they agree.
     */
    public static SignalChainSettings serviceDefaults() {
        return new SignalChainSettings(ConsensusConfig.defaults(), ArbiterConfig.defaults());
    }

    /** The pipeline these settings describe, built exactly as the service builds its own. */
    public SignalPipeline pipeline() {
        return new SignalPipeline(
                AnalystPanel.withDefaults().plus(addedAnalysts),
                RegimeWeights.defaults(),
                new Deliberation(consensus, arbiter),
                new SignalValidator(validation));
    }
}
