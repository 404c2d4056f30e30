package io.farmhub.web;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code farmhub.web}: request limits and the progress stream's lifetime.
 *
 * @param maxBodyBytes       the largest request body accepted (default 1 MiB)
 * @param maxBodyBytesByPath a different limit for a path prefix (e.g. a bulk sensor endpoint)
 * @param progressTimeout    how long a progress stream stays open waiting for a terminal state
 */
@ConfigurationProperties("farmhub.web")
public record WebProperties(Long maxBodyBytes, Map<String, Long> maxBodyBytesByPath,
        java.time.Duration progressTimeout) {

    public WebProperties {
        maxBodyBytes = maxBodyBytes == null ? 1024L * 1024 : maxBodyBytes;
        maxBodyBytesByPath = maxBodyBytesByPath == null ? Map.of() : Map.copyOf(maxBodyBytesByPath);
        progressTimeout = progressTimeout == null ? java.time.Duration.ofMinutes(10) : progressTimeout;
    }
}
