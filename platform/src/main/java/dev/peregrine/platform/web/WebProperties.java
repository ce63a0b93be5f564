package dev.peregrine.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code peregrine.web.*}: limits of the REST API.
 *
 * @param maxRequestBody the largest request body accepted (default 64KB); larger ones are refused with 413
 */
@ConfigurationProperties("peregrine.web")
public record WebProperties(DataSize maxRequestBody) {

    public WebProperties {
        maxRequestBody = maxRequestBody == null ? DataSize.ofKilobytes(64) : maxRequestBody;
    }
}
