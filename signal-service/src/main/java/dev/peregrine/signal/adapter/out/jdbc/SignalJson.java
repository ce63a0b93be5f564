package dev.peregrine.signal.adapter.out.jdbc;

import dev.peregrine.common.event.Reason;
import dev.peregrine.signal.domain.PanelSeat;
import dev.peregrine.signal.domain.SignalValidation;
import dev.peregrine.signal.domain.analyst.Argument;
import dev.peregrine.signal.domain.consensus.Advocate;
import dev.peregrine.signal.domain.consensus.AttributedArgument;
import dev.peregrine.signal.domain.consensus.ConsensusResult;
import dev.peregrine.signal.domain.consensus.DebateCase;
import dev.peregrine.signal.domain.consensus.DebateRecord;
import dev.peregrine.signal.domain.consensus.Verdict;
import dev.peregrine.signal.domain.indicator.IndicatorValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON documents of the signal history (jsonb columns), written field by field so their shape is a stable,
 * documented contract (docs/signal-validation.md) that does not follow every rename in the domain. Numbers that
 * are not known yet (a cold indicator) are null. Thread-safe.
 */
final class SignalJson {

    private final JsonMapper json = JsonMapper.builder().build();

    String reasons(List<Reason> reasons) {
        List<Map<String, Object>> list = new ArrayList<>(reasons.size());
        for (Reason reason : reasons) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("code", reason.code());
            entry.put("detail", reason.detail());
            list.add(entry);
        }
        return json.writeValueAsString(list);
    }

    /** Every indicator after the candle: the inputs of all five analysts. */
    String indicators(IndicatorValues v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("barCount", v.barCount());
        m.put("close", number(v.close()));
        m.put("previousClose", number(v.previousClose()));
        m.put("emaFast", number(v.emaFast()));
        m.put("previousEmaFast", number(v.previousEmaFast()));
        m.put("emaSlow", number(v.emaSlow()));
        m.put("previousEmaSlow", number(v.previousEmaSlow()));
        m.put("emaTrend", number(v.emaTrend()));
        m.put("sma", number(v.sma()));
        m.put("rsi", number(v.rsi()));
        m.put("previousRsi", number(v.previousRsi()));
        Map<String, Object> macd = new LinkedHashMap<>();
        macd.put("line", number(v.macd().line()));
        macd.put("signal", number(v.macd().signal()));
        macd.put("histogram", number(v.macd().histogram()));
        macd.put("previousHistogram", number(v.macd().previousHistogram()));
        m.put("macd", macd);
        Map<String, Object> bollinger = new LinkedHashMap<>();
        bollinger.put("middle", number(v.bollinger().middle()));
        bollinger.put("upper", number(v.bollinger().upper()));
        bollinger.put("lower", number(v.bollinger().lower()));
        bollinger.put("percentB", number(v.bollinger().percentB()));
        bollinger.put("bandwidth", number(v.bollinger().bandwidth()));
        m.put("bollinger", bollinger);
        m.put("atr", number(v.atr()));
        Map<String, Object> adx = new LinkedHashMap<>();
        adx.put("adx", number(v.adx().adx()));
        adx.put("plusDi", number(v.adx().plusDi()));
        adx.put("minusDi", number(v.adx().minusDi()));
        adx.put("previousPlusDi", number(v.adx().previousPlusDi()));
        adx.put("previousMinusDi", number(v.adx().previousMinusDi()));
        m.put("adx", adx);
        Map<String, Object> stochastic = new LinkedHashMap<>();
        stochastic.put("k", number(v.stochastic().k()));
        stochastic.put("d", number(v.stochastic().d()));
        m.put("stochastic", stochastic);
        m.put("obv", number(v.obv()));
        m.put("vwap", number(v.vwap()));
        Map<String, Object> donchian = new LinkedHashMap<>();
        donchian.put("upper", number(v.donchian().upper()));
        donchian.put("lower", number(v.donchian().lower()));
        donchian.put("middle", number(v.donchian().middle()));
        donchian.put("previousUpper", number(v.donchian().previousUpper()));
        donchian.put("previousLower", number(v.donchian().previousLower()));
        m.put("donchian", donchian);
        m.put("volatility", number(v.volatility()));
        m.put("volumeZScore", number(v.volumeZScore()));
        Map<String, Object> priorDay = new LinkedHashMap<>();
        priorDay.put("high", number(v.priorDay().high()));
        priorDay.put("low", number(v.priorDay().low()));
        m.put("priorDay", priorDay);
        return json.writeValueAsString(m);
    }

    /** The whole debate record: both cases, the verdict and the consensus. */
    String debate(DebateRecord debate) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bull", caseMap(debate.bull()));
        m.put("bear", caseMap(debate.bear()));
        m.put("verdict", verdict(debate.verdict()));
        m.put("consensus", consensusMap(debate.consensus()));
        return json.writeValueAsString(m);
    }

    String debateCase(DebateCase debateCase) {
        return json.writeValueAsString(caseMap(debateCase));
    }

    String consensus(ConsensusResult consensus) {
        return json.writeValueAsString(consensusMap(consensus));
    }

    /** The consensus without its reasons: the figures a validation was scored against. */
    String consensusSummary(ConsensusResult c) {
        Map<String, Object> m = consensusMap(c);
        m.remove("reasons");
        return json.writeValueAsString(m);
    }

    /** The five seats in the panel's order, with their full opinions. */
    String panel(List<PanelSeat> seats) {
        List<Map<String, Object>> list = new ArrayList<>(seats.size());
        for (PanelSeat seat : seats) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("analystId", seat.analystId());
            m.put("stance", seat.opinion().stance().name());
            m.put("confidence", number(seat.opinion().confidence()));
            m.put("regimeWeight", number(seat.regimeWeight()));
            m.put("runtimeWeight", number(seat.runtimeWeight()));
            m.put("weight", number(seat.weight()));
            m.put("paused", seat.paused());
            List<Map<String, Object>> arguments =
                    new ArrayList<>(seat.opinion().arguments().size());
            for (Argument argument : seat.opinion().arguments()) {
                arguments.add(argument(argument));
            }
            m.put("arguments", arguments);
            list.add(m);
        }
        return json.writeValueAsString(list);
    }

    /** The inputs of a validation's strength and the analyst's weights. */
    String breakdown(SignalValidation validation, PanelSeat seat) {
        SignalValidation.Breakdown b = validation.breakdown();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("analystConfidence", number(b.analystConfidence()));
        m.put("consensusSupport", number(b.consensusSupport()));
        m.put("agreement", number(b.agreement()));
        m.put("regimeFit", number(b.regimeFit()));
        m.put("conflictPenalty", number(b.conflictPenalty()));
        m.put("score", number(b.score()));
        m.put("volatilityDamping", number(b.volatilityDamping()));
        m.put("regimeWeight", number(seat.regimeWeight()));
        m.put("runtimeWeight", number(seat.runtimeWeight()));
        m.put("weight", number(seat.weight()));
        m.put("paused", seat.paused());
        return json.writeValueAsString(m);
    }

    private static Map<String, Object> caseMap(DebateCase debateCase) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("side", debateCase.side().name());
        m.put("score", number(debateCase.score()));
        List<Map<String, Object>> advocates =
                new ArrayList<>(debateCase.advocates().size());
        for (Advocate advocate : debateCase.advocates()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("analystId", advocate.analystId());
            a.put("weight", number(advocate.weight()));
            a.put("confidence", number(advocate.confidence()));
            a.put("contribution", number(advocate.contribution()));
            advocates.add(a);
        }
        m.put("advocates", advocates);
        List<Map<String, Object>> arguments =
                new ArrayList<>(debateCase.arguments().size());
        for (AttributedArgument attributed : debateCase.arguments()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("analystId", attributed.analystId());
            a.put("analystStance", attributed.analystStance().name());
            a.put("conceded", attributed.conceded(debateCase.side()));
            a.put("weight", number(attributed.weight()));
            a.put("confidence", number(attributed.confidence()));
            a.put("contribution", number(attributed.contribution()));
            a.putAll(argument(attributed.argument()));
            arguments.add(a);
        }
        m.put("arguments", arguments);
        return m;
    }

    private static Map<String, Object> verdict(Verdict verdict) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("decision", verdict.decision().name());
        m.put("netConviction", number(verdict.netConviction()));
        m.put("rationale", verdict.rationale());
        return m;
    }

    private static Map<String, Object> consensusMap(ConsensusResult c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("direction", c.direction().name());
        m.put("netScore", number(c.netScore()));
        m.put("bullScore", number(c.bullScore()));
        m.put("bearScore", number(c.bearScore()));
        m.put("agreement", number(c.agreement()));
        m.put("agreeingCount", c.agreeingCount());
        m.put("opposingCount", c.opposingCount());
        m.put("conflict", c.conflict());
        m.put("conflictPenalty", number(c.conflictPenalty()));
        m.put("activeWeight", number(c.activeWeight()));
        m.put("activeCount", c.activeCount());
        m.put("pausedCount", c.pausedCount());
        List<Map<String, Object>> reasons = new ArrayList<>(c.reasons().size());
        for (Reason reason : c.reasons()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("code", reason.code());
            r.put("detail", reason.detail());
            reasons.add(r);
        }
        m.put("reasons", reasons);
        return m;
    }

    private static Map<String, Object> argument(Argument argument) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", argument.name());
        m.put("value", number(argument.value()));
        m.put("threshold", number(argument.threshold()));
        m.put("text", argument.text());
        return m;
    }

    private static Double number(OptionalDouble value) {
        return value.isPresent() ? number(value.getAsDouble()) : null;
    }

    /** JSON (and jsonb) has no NaN or infinity; such a value says nothing, so it is stored as unknown. */
    private static Double number(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
