package dev.peregrine.backtest.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * ECharts' minified build from the {@code org.webjars.npm:echarts} webjar on the class path, inlined into each
 * report so it opens offline (no CDN).
 */
public final class EchartsLibrary {

    public static final String VERSION = "5.3.1";
    static final String RESOURCE = "META-INF/resources/webjars/echarts/" + VERSION + "/dist/echarts.min.js";

    private EchartsLibrary() {}

    /** The library's source, checked to be safe to place inside a script element. */
    public static String source() {
        try (InputStream in = EchartsLibrary.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("ECharts " + VERSION + " is not on the class path (" + RESOURCE
                        + "): the org.webjars.npm:echarts dependency is missing");
            }
            String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (source.toLowerCase(java.util.Locale.ROOT).contains("</script")) {
                throw new IllegalStateException(RESOURCE + " contains </script and cannot be inlined");
            }
            return source;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
