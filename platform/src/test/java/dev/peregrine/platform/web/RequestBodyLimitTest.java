package dev.peregrine.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestBodyLimitTest {

    private final RequestBodyLimit limit = new RequestBodyLimit(10);

    @Test
    void aDeclaredLengthOverTheCapIsRefusedWith413WithoutCallingTheChain() throws Exception {
        MockHttpServletRequest request = post("{\"reason\": \"far too long\"}");
        MockHttpServletResponse response = new MockHttpServletResponse();

        limit.doFilter(request, response, (req, res) -> {
            throw new AssertionError("the chain must not run");
        });

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("larger than 10 bytes");
    }

    @Test
    void aBodyWithinTheCapIsReadWhole() throws Exception {
        AtomicReference<String> read = new AtomicReference<>();
        limit.doFilter(
                post("0123456789"),
                new MockHttpServletResponse(),
                (req, res) -> read.set(new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8)));

        assertThat(read).hasValue("0123456789");
    }

    @Test
    void aBodyWithoutALengthFailsOnceReadingPassesTheCapAsAStreamOrAReader() {
        FilterChain readAll = (req, res) -> req.getInputStream().readAllBytes();
        FilterChain readLines = (req, res) -> {
            BufferedReader reader = req.getReader();
            reader.lines().count();
        };

        assertThatThrownBy(() -> limit.doFilter(chunked("01234567890"), new MockHttpServletResponse(), readAll))
                .isInstanceOf(RequestBodyLimit.TooLargeException.class)
                .hasMessage("request body exceeds 10 bytes");
        assertThatThrownBy(() -> limit.doFilter(chunked("01234567890"), new MockHttpServletResponse(), readLines))
                .hasRootCauseInstanceOf(RequestBodyLimit.TooLargeException.class);
    }

    @Test
    void aCapBelowOneByteIsAConfigurationError() {
        assertThatThrownBy(() -> new RequestBodyLimit(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A request without a Content-Length, as a chunked one arrives. */
    private static MockHttpServletRequest chunked(String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/x") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    private static MockHttpServletRequest post(String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/x");
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }
}
