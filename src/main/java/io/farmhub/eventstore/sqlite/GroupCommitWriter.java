package io.farmhub.eventstore.sqlite;

import io.farmhub.eventstore.AppendAllResult;
import io.farmhub.eventstore.AppendResult;
import io.farmhub.eventstore.EventStoreException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes. Callers queue their appends; the writer takes everything queued, applies it in one
 * transaction (each append, and each deletion, in its own savepoint; an append of several streams in one savepoint around them all), commits once, and only then answers each caller. One fsync
 * then pays for every append that arrived while the previous one ran: this is what makes concurrent appends fast
 * while each stays acknowledged only once durable.
 */
final class GroupCommitWriter implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);

    /** Bounds one transaction, so a burst of huge batches does not become one enormous commit. */
    private static final int MAX_GROUP_APPENDS = 2_000;
    private static final long MAX_GROUP_BYTES = 32L * 1024 * 1024;

    private static final PendingAppend STOP = new PendingAppend(null, 0, List.of(), null);

    private final WriteConnection connection;
    private final String file;
    private final Checkpointer checkpointer;
    private final BlockingQueue<QueuedWrite> queue = new LinkedBlockingQueue<>();

    GroupCommitWriter(WriteConnection connection, String file, Checkpointer checkpointer) {
        this.connection = connection;
        this.file = file;
        this.checkpointer = checkpointer;
    }

    void submit(QueuedWrite append) {
        queue.add(append);
    }

    /** Appends waiting for the writer to pick them up (tests use it to line up a group). */
    int queued() {
        return queue.size();
    }

    /** Asks the writer to commit what is queued and stop; appends queued after this are refused. */
    void stop() {
        queue.add(STOP);
    }

    @Override
    public void run() {
        try {
            boolean stopping = false;
            while (!stopping) {
                QueuedWrite first = queue.take();
                if (first == STOP) {
                    break;
                }
                List<QueuedWrite> group = new ArrayList<>();
                group.add(first);
                long bytes = first.bytes();
                while (group.size() < MAX_GROUP_APPENDS && bytes < MAX_GROUP_BYTES) {
                    QueuedWrite next = queue.poll();
                    if (next == null) {
                        break;
                    }
                    if (next == STOP) {
                        stopping = true;
                        break;
                    }
                    group.add(next);
                    bytes += next.bytes();
                }
                commit(group);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            connection.close();
            EventStoreException closed = new EventStoreException("the event store " + file + " is closed");
            for (QueuedWrite left; (left = queue.poll()) != null; ) {
                if (left != STOP) {
                    future(left).completeExceptionally(closed);
                }
            }
        }
    }

    private void commit(List<QueuedWrite> group) {
        Object[] outcomes = new Object[group.size()];
        if (checkpointer.tailDue()) {
            connection.checkpoint();
        }
        try {
            long recordedAt = connection.begin();
            boolean wrote = false;
            for (int i = 0; i < group.size(); i++) {
                QueuedWrite q = group.get(i);
                try {
                    if (q instanceof PendingAppend p) {
                        AppendResult result = connection.apply(p, recordedAt);
                        wrote |= wrote(result);
                        outcomes[i] = result;
                    } else if (q instanceof PendingDelete d) {
                        boolean deleted = connection.delete(d.stream());
                        wrote |= deleted;
                        outcomes[i] = deleted;
                    } else {
                        AppendAllResult result = connection.applyAll((PendingAppendAll) q, recordedAt);
                        wrote |= result instanceof AppendAllResult.Appended a
                                && a.streams().stream().anyMatch(GroupCommitWriter::wrote);
                        outcomes[i] = result;
                    }
                } catch (WriteConnection.TransactionLost e) {
                    throw e;
                } catch (SQLException e) {
                    outcomes[i] = new EventStoreException("could not append to " + streams(q) + ": "
                            + e.getMessage(), e);
                } catch (RuntimeException e) {
                    outcomes[i] = e;
                }
            }
            if (wrote) {
                connection.commit(recordedAt);
                checkpointer.committed();
            } else {
                connection.commitReadOnly();
            }
        } catch (Throwable e) {
            // Even an Error fails only this group: the writer must live on, or every later caller would wait forever.
            connection.rollbackQuietly();
            log.error("Event store {}: a group of {} appends could not be committed", file, group.size(), e);
            EventStoreException failed = new EventStoreException("could not commit to the event store " + file
                    + ": " + e.getMessage(), e);
            group.forEach(p -> future(p).completeExceptionally(failed));
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            if (outcomes[i] instanceof Throwable failure) {
                future(group.get(i)).completeExceptionally(failure);
            } else if (group.get(i) instanceof PendingAppend p) {
                p.result().complete((AppendResult) outcomes[i]);
            } else if (group.get(i) instanceof PendingDelete d) {
                d.result().complete((Boolean) outcomes[i]);
            } else {
                ((PendingAppendAll) group.get(i)).result().complete((AppendAllResult) outcomes[i]);
            }
        }
    }

    private static boolean wrote(AppendResult result) {
        return result instanceof AppendResult.Appended a && !a.duplicate() && !a.events().isEmpty();
    }

    private static CompletableFuture<?> future(QueuedWrite q) {
        if (q instanceof PendingDelete d) {
            return d.result();
        }
        return q instanceof PendingAppend p ? p.result() : ((PendingAppendAll) q).result();
    }

    private static String streams(QueuedWrite q) {
        if (q instanceof PendingDelete d) {
            return d.stream() + " (deleting it)";
        }
        return q instanceof PendingAppend p ? p.stream().toString()
                : ((PendingAppendAll) q).parts().stream().map(a -> a.stream().toString()).toList().toString();
    }
}
