package dev.peregrine.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps every request body at {@code peregrine.web.max-request-body}: a declared {@code Content-Length} over the cap
 * is refused at once with 413, before authentication or any reading; a body without one (chunked) is read up to the
 * cap and then fails with {@link TooLargeException}, which {@link ApiErrorHandler} answers with 413. No Peregrine
 * endpoint takes more than a few hundred bytes; the cap only keeps a caller from making a service buffer megabytes.
 */
public class RequestBodyLimit extends OncePerRequestFilter {

    /** Reading a body went past the cap. */
    public static final class TooLargeException extends IOException {
        TooLargeException(long max) {
            super("request body exceeds " + max + " bytes");
        }
    }

    private final long maxBytes;

    public RequestBodyLimit(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("peregrine.web.max-request-body must be positive: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            response.setHeader("Connection", "close");
            ProblemResponses.write(response, 413, "Content Too Large", tooLarge(maxBytes));
            return;
        }
        chain.doFilter(new Capped(request, maxBytes), response);
    }

    static String tooLarge(long maxBytes) {
        return "the request body is larger than " + maxBytes + " bytes";
    }

    private static final class Capped extends HttpServletRequestWrapper {

        private final long max;
        private ServletInputStream stream;

        Capped(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CappedStream(super.getInputStream(), max);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class CappedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long max;
        private long read;

        CappedStream(ServletInputStream in, long max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLargeException {
            read += n;
            if (read > max) {
                throw new TooLargeException(max);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
