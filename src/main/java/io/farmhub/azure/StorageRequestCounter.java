package io.farmhub.azure;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.policy.HttpPipelineSyncPolicy;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the requests a storage client sends, by HTTP method. Every request is billed and counts against the
 * account's request rate, so FarmHub measures them instead of guessing. It sits after the retry policy, so a
 * retried request counts once per attempt, as Azure bills it.
 */
public class StorageRequestCounter extends HttpPipelineSyncPolicy {

    private final Map<String, LongAdder> byMethod = new ConcurrentHashMap<>();

    @Override
    protected void beforeSendingRequest(HttpPipelineCallContext context) {
        byMethod.computeIfAbsent(context.getHttpRequest().getHttpMethod().name(), m -> new LongAdder()).increment();
    }

    @Override
    public HttpPipelinePosition getPipelinePosition() {
        return HttpPipelinePosition.PER_RETRY;
    }

    /** Requests sent with this method ("GET", "PUT", "HEAD", …) since the last reset. */
    public long count(String method) {
        LongAdder adder = byMethod.get(method);
        return adder == null ? 0 : adder.sum();
    }

    public long total() {
        return byMethod.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** The counts by method, sorted by method name, without the methods not used. */
    public Map<String, Long> snapshot() {
        Map<String, Long> counts = new TreeMap<>();
        byMethod.forEach((method, adder) -> {
            long n = adder.sum();
            if (n > 0) {
                counts.put(method, n);
            }
        });
        return counts;
    }

    public void reset() {
        byMethod.values().forEach(LongAdder::reset);
    }

    @Override
    public String toString() {
        return "storage requests " + snapshot();
    }
}
