package dev.peregrine.common.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Events of {@link dev.peregrine.common.Topics#RISK_DECISIONS}, keyed by symbol: one decision per tradeable signal. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = TradeApproved.class, name = "TradeApproved"),
    @JsonSubTypes.Type(value = TradeDenied.class, name = "TradeDenied")
})
public sealed interface RiskDecisionEvent extends PeregrineEvent permits TradeApproved, TradeDenied {

    java.util.UUID decisionId();

    java.util.UUID signalId();

    String strategyId();
}
