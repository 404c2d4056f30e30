package io.farmhub.intake;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The threads of the inbox route ({@code routes/inbox.yaml}), both bounded:
 * <ul>
 *   <li>{@code inboxFolders}: {@code farmhub.inbox.workers} user folders processed at once, each one document
 *       after another;</li>
 *   <li>{@code inboxSubmissions}: {@code farmhub.inbox.submitters} commands of the documents in hand submitted at
 *       once. A submission waits for its durable CREATED entry; several waiting together share one commit, where
 *       one after another each paid a commit of its own. When all are busy and a few more wait, the document's
 *       own thread submits the next command itself, so a 10,000-row form never has more than a handful of
 *       commands read ahead of their submission.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class InboxWorkers {

    @Bean(destroyMethod = "shutdownNow")
    public ExecutorService inboxFolders(@Value("${farmhub.inbox.workers:4}") int workers) {
        return pool("inbox-folder-", Math.max(1, workers), Integer.MAX_VALUE);
    }

    @Bean(destroyMethod = "shutdownNow")
    public ExecutorService inboxSubmissions(@Value("${farmhub.inbox.submitters:8}") int submitters) {
        int threads = Math.max(1, submitters);
        return pool("inbox-submit-", threads, threads);
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
                        : new ArrayBlockingQueue<>(queued),
                factory, new ThreadPoolExecutor.CallerRunsPolicy());
    }
}
