/**
 * The alert channels over HTTP (a generic Slack-compatible JSON webhook and Telegram's Bot API) and the alert
 * metrics in Micrometer. Secrets (the webhook URL, the bot token) never appear in logs, errors or metrics.
 */
package dev.peregrine.monitor.adapter.out.alert;
