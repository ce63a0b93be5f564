package dev.peregrine.signal.domain;

import dev.peregrine.signal.domain.analyst.AnalystPanel;
import dev.peregrine.signal.domain.analyst.MarketContext;
import dev.peregrine.signal.domain.analyst.Opinion;
import dev.peregrine.signal.domain.bar.Bar;
import dev.peregrine.signal.domain.consensus.DebateRecord;
import dev.peregrine.signal.domain.consensus.Deliberation;
import dev.peregrine.signal.domain.consensus.PanelMember;
import dev.peregrine.signal.domain.regime.Regime;
import dev.peregrine.signal.domain.regime.RegimeWeights;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The judgement of one closed candle, after its series has moved ({@link SeriesState#advance}):
 * <ol>
 *   <li>the five analysts of the {@link AnalystPanel} give their opinions on the {@link MarketContext};</li>
 *   <li>each analyst's effective weight = its regime weight ({@link RegimeWeights}, for the context's regime) x the
 *       registry's runtime weight; paused analysts keep their seat but do not vote;</li>
 *   <li>{@link Deliberation}: consensus, bull and bear case, arbiter's verdict;</li>
 *   <li>every directional opinion, paused or not, becomes a {@link SignalCandidate} validated by the
 *       {@link SignalValidator} (reference price the candle's close, stop from its ATR, its quality flags, the
 *       volatility ratio, the consensus and the verdict).</li>
 * </ol>
 * Pure and stateless: the same context, volatility ratio and registry view always give the same assessment, bit
 * for bit. One instance serves every series and thread.
 */
public final class SignalPipeline {

    private final AnalystPanel panel;
    private final RegimeWeights regimeWeights;
    private final Deliberation deliberation;
    private final SignalValidator validator;

    public SignalPipeline(
            AnalystPanel panel, RegimeWeights regimeWeights, Deliberation deliberation, SignalValidator validator) {
        this.panel = Objects.requireNonNull(panel, "panel");
        this.regimeWeights = Objects.requireNonNull(regimeWeights, "regimeWeights");
        this.deliberation = Objects.requireNonNull(deliberation, "deliberation");
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    public static SignalPipeline withDefaults() {
        return new SignalPipeline(
                AnalystPanel.withDefaults(),
                RegimeWeights.defaults(),
                Deliberation.withDefaults(),
                new SignalValidator());
    }

    /**
     * @param volatilityRatio the candle's volatility over its normal level, empty while unknown
     * @param registry        the registry's view of each analyst, by analyst id
     */
    public CandleAssessment assess(
            MarketContext context, OptionalDouble volatilityRatio, Function<String, AnalystStatus> registry) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(volatilityRatio, "volatilityRatio");
        Objects.requireNonNull(registry, "registry");
        Regime regime = context.regime();
        List<Opinion> opinions = panel.assess(context);
        List<PanelSeat> seats = new ArrayList<>(opinions.size());
        List<PanelMember> members = new ArrayList<>(opinions.size());
        for (Opinion opinion : opinions) {
            AnalystStatus status =
                    Objects.requireNonNullElse(registry.apply(opinion.analystId()), AnalystStatus.UNREGISTERED);
            double regimeWeight = regimeWeights.weight(opinion.analystId(), regime);
            double weight = regimeWeight * status.runtimeWeight();
            seats.add(new PanelSeat(opinion, regimeWeight, status.runtimeWeight(), weight, status.paused()));
            members.add(new PanelMember(opinion, weight, status.paused()));
        }
        DebateRecord debate = deliberation.deliberate(members);
        List<SignalValidation> validations = new ArrayList<>(2);
        Bar bar = context.bar();
        for (PanelSeat seat : seats) {
            if (seat.opinion().directional()) {
                validations.add(validator.validate(new SignalCandidate(
                        seat.opinion(),
                        seat.regimeWeight(),
                        seat.paused(),
                        bar.close(),
                        context.indicators().atr(),
                        bar.qualityFlags(),
                        volatilityRatio,
                        debate.consensus(),
                        debate.verdict())));
            }
        }
        return new CandleAssessment(regime, seats, debate, validations);
    }

    public AnalystPanel panel() {
        return panel;
    }
}
