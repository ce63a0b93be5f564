package dev.peregrine.execution.adapter.in.userdata;

import com.binance.connector.client.utils.signaturegenerator.SignatureGenerator;
import java.util.Objects;

/**
 * The API key a subscription names and the connector's signer of that key (HMAC, RSA or Ed25519). Neither the key
 * nor the secret is ever shown: {@link #toString()} masks the key.
 */
public final class SubscriptionSigner {

    private final String apiKey;
    private final SignatureGenerator signer;

    public SubscriptionSigner(String apiKey, SignatureGenerator signer) {
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.signer = Objects.requireNonNull(signer, "signer");
    }

    String apiKey() {
        return apiKey;
    }

    String sign(String payload) {
        return signer.getSignature(payload);
    }

    @Override
    public String toString() {
        return "SubscriptionSigner[apiKey=****" + (apiKey.length() < 12 ? "" : apiKey.substring(apiKey.length() - 4))
                + "]";
    }
}
