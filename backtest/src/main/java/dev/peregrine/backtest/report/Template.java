package dev.peregrine.backtest.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The report's HTML template: {@code {{NAME}}} slots filled in one pass, so text put into one slot is never
 * searched for slots itself; an unknown or unfilled slot is an error, not a silent blank.
 */
final class Template {

    private final String text;

    private Template(String text) {
        this.text = text;
    }

    static Template resource(String name) {
        return new Template(resourceText(name));
    }

    /** A text resource beside this class (a template, the pages' shared style sheet). */
    static String resourceText(String name) {
        try (InputStream in = Template.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }

    static Template of(String text) {
        return new Template(text);
    }

    String fill(Map<String, String> slots) {
        StringBuilder out = new StringBuilder(
                text.length() + slots.values().stream().mapToInt(String::length).sum());
        int at = 0;
        while (true) {
            int open = text.indexOf("{{", at);
            if (open < 0) {
                break;
            }
            int close = text.indexOf("}}", open);
            if (close < 0) {
                throw new IllegalStateException("unclosed slot at " + open);
            }
            String name = text.substring(open + 2, close);
            String value = slots.get(name);
            if (value == null) {
                throw new IllegalStateException("no value for template slot " + name);
            }
            out.append(text, at, open).append(value);
            at = close + 2;
        }
        out.append(text, at, text.length());
        for (String name : slots.keySet()) {
            if (!text.contains("{{" + name + "}}")) {
                throw new IllegalStateException("template has no slot " + name);
            }
        }
        return out.toString();
    }
}
