package dev.peregrine.monitor.domain.alert;

/** Where an alert is delivered; each is enabled by configuration. */
public enum Channel {
    /** A generic JSON webhook with a Slack-compatible body {@code {"text": ...}}. */
    WEBHOOK,
    /** Telegram's Bot API {@code sendMessage}. */
    TELEGRAM
}
