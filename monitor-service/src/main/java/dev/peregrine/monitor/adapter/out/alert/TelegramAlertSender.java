package dev.peregrine.monitor.adapter.out.alert;

import dev.peregrine.monitor.domain.alert.Channel;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Telegram's Bot API: {@code POST {baseUrl}/bot{token}/sendMessage} with {@code chat_id} and {@code text} (plain text,
 * no parse mode, so nothing needs escaping).
 */
public final class TelegramAlertSender extends HttpAlertSender {

    private final String chatId;

    public TelegramAlertSender(HttpClient http, URI baseUrl, String botToken, String chatId, Duration timeout) {
        super(http, sendMessage(baseUrl, botToken), timeout);
        this.chatId = Objects.requireNonNull(chatId, "chatId");
    }

    static URI sendMessage(URI baseUrl, String botToken) {
        String base = baseUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/bot" + botToken + "/sendMessage");
    }

    @Override
    public Channel channel() {
        return Channel.TELEGRAM;
    }

    @Override
    Map<String, Object> body(String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chat_id", chatId);
        body.put("text", text);
        body.put("disable_web_page_preview", true);
        return body;
    }
}
