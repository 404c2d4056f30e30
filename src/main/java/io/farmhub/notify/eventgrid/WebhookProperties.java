package io.farmhub.notify.eventgrid;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code farmhub.notify.webhook.secret}: the shared secret Event Grid must present as the query parameter
 * {@code code} (put it in the subscription's endpoint URL). Blank means every call is refused.
 */
@ConfigurationProperties("farmhub.notify.webhook")
public record WebhookProperties(String secret) {

    public boolean hasSecret() {
        return secret != null && !secret.isBlank();
    }
}
