package io.farmhub.intake;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The threads of the inbox route ({@code routes/inbox.yaml}), bounded (a document's commands are submitted by
 * {@link io.farmhub.commands.OrderedSubmissions}):
 * <ul>
 *   <li>{@code inboxFolders}: {@code farmhub.inbox.workers} user folders processed at once, each one document
 *       after another;</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class InboxWorkers {

    @Bean(destroyMethod = "shutdownNow")
    public ExecutorService inboxFolders(@Value("${farmhub.inbox.workers:4}") int workers) {
        return pool("inbox-folder-", Math.max(1, workers), Integer.MAX_VALUE);
    }

    private static ExecutorService pool(String name, int threads, int queued) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, name + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                queued == Integer.MAX_VALUE ? new java.util.concurrent.LinkedBlockingQueue<>()
                        : new java.util.concurrent.ArrayBlockingQueue<>(queued),
                factory, new ThreadPoolExecutor.CallerRunsPolicy());
    }
}
