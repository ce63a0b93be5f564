package dev.peregrine.common.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Events of {@link dev.peregrine.common.Topics#RISK_PORTFOLIO}: risk-service's portfolio as it changes, for the
 * monitor and dashboards. Positions are keyed by symbol; account-wide events by {@link #ACCOUNT_KEY}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = PositionChanged.class, name = "PositionChanged"),
    @JsonSubTypes.Type(value = PortfolioValued.class, name = "PortfolioValued"),
    @JsonSubTypes.Type(value = RiskControlChanged.class, name = "RiskControlChanged")
})
public sealed interface PortfolioEvent extends PeregrineEvent
        permits PositionChanged, PortfolioValued, RiskControlChanged {

    /** The key of account-wide events, so they stay in order on one partition. */
    String ACCOUNT_KEY = "account";
}
