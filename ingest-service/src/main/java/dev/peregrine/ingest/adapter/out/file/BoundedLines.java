package dev.peregrine.ingest.adapter.out.file;

import dev.peregrine.ingest.application.port.out.KlineSource;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * A file's lines read with bounded memory, whatever the file holds: a line is kept up to {@code maxLineLength}
 * characters and the rest of it is only counted (so an endless line without a terminator, such as the bytes of
 * {@code /dev/zero}, never fills the heap), and the whole stream ends with an error after {@code maxBytes} bytes.
 * Line terminators are those of {@link java.io.BufferedReader#readLine()}: {@code \n}, {@code \r} and {@code \r\n}.
 */
final class BoundedLines implements KlineSource.Lines {

    private static final int BUFFER = 1 << 16;

    private final Reader in;
    private final int maxLineLength;
    private final char[] buffer = new char[BUFFER];
    private final StringBuilder line = new StringBuilder();
    private int position;
    private int limit;
    private boolean skipLineFeed;
    private long cutLength;

    BoundedLines(Reader in, int maxLineLength) {
        this.in = in;
        this.maxLineLength = maxLineLength;
    }

    @Override
    public String nextLine() throws IOException {
        line.setLength(0);
        cutLength = 0;
        long length = 0;
        boolean started = false;
        while (true) {
            if (position >= limit) {
                int read = in.read(buffer, 0, buffer.length);
                if (read <= 0) {
                    position = 0;
                    limit = 0;
                    if (!started) {
                        return null;
                    }
                    break;
                }
                position = 0;
                limit = read;
            }
            if (skipLineFeed) {
                skipLineFeed = false;
                if (buffer[position] == '\n') {
                    position++;
                    continue;
                }
            }
            started = true;
            int start = position;
            while (position < limit && buffer[position] != '\n' && buffer[position] != '\r') {
                position++;
            }
            int chunk = position - start;
            long room = maxLineLength - length;
            if (room > 0) {
                line.append(buffer, start, (int) Math.min(room, chunk));
            }
            length += chunk;
            if (position < limit) {
                skipLineFeed = buffer[position] == '\r';
                position++;
                break;
            }
        }
        if (length > maxLineLength) {
            cutLength = length;
        }
        return line.toString();
    }

    @Override
    public long cutLength() {
        return cutLength;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Fails the read that would pass {@code maxBytes}: a file that grew, or a gzip that decompresses to too much. */
    static final class Capped extends FilterInputStream {

        private final long maxBytes;
        private final String what;
        private long count;

        Capped(InputStream in, long maxBytes, String what) {
            super(in);
            this.maxBytes = maxBytes;
            this.what = what;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int read = super.read(b, off, len);
            if (read > 0) {
                counted(read);
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void counted(long bytes) throws IOException {
            count += bytes;
            if (count > maxBytes) {
                throw new IOException(what + " has more than " + maxBytes + " bytes, the most a replay reads "
                        + "(peregrine.ingest.replay.max-file-size)");
            }
        }
    }
}
