package io.farmhub.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.farmhub.core.CommandRequest;
import io.farmhub.core.CommandSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The ordered submitter against a gateway the test drives: commands stay CREATED until the test finishes them,
 * through their watchers or (another hub) only in their status.
 */
class OrderedSubmitterTest {

    private final FakeGateway gateway = new FakeGateway();
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService feeder = Executors.newSingleThreadExecutor();
    private final Map<String, Footprint> footprints = new HashMap<>();
    private final List<OrderedSubmitter> opened = new ArrayList<>();

    @AfterEach
    void stop() {
        opened.forEach(OrderedSubmitter::close);
        pool.shutdownNow();
        timer.shutdownNow();
        feeder.shutdownNow();
    }

    private OrderedSubmitter sequence(int window) {
        return sequence(window, Duration.ofSeconds(30));
    }

    private OrderedSubmitter sequence(int window, Duration recheck) {
        OrderedSubmitter sequence = new OrderedSubmitter(gateway, (command, pending) -> footprints.get(
                command.commandId()), pool, timer, window, recheck, Duration.ofMinutes(1), (c, s) -> {
                });
        opened.add(sequence);
        return sequence;
    }

    private CommandRequest command(String id, Footprint footprint) {
        footprints.put(id, footprint);
        return new CommandRequest("RelocateAnimal", id, JsonNodeFactory.instance.objectNode(), "mary",
                CommandSource.api("mary"));
    }

    private static Footprint reads(String... keys) {
        Footprint.Builder builder = Footprint.builder();
        for (String key : keys) {
            builder.read(key);
        }
        return builder.build();
    }

    private void submitted(String... ids) {
        Awaitility.await("submitted: " + List.of(ids)).atMost(Duration.ofSeconds(10))
                .until(() -> gateway.submitted.containsAll(List.of(ids)));
    }

    @Test
    void a_command_waits_for_an_earlier_conflicting_one_to_be_decided() throws Exception {
        OrderedSubmitter sequence = sequence(16);
        sequence.submit(command("1", Footprint.writes("farm/cow/A")));
        sequence.submit(command("2", Footprint.writes("farm/cow/A")));
        submitted("1");
        Awaitility.await("2 held back").during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> gateway.submitted.equals(List.of("1")));
        gateway.finish("1", CommandState.INVALID);
        submitted("2");
        gateway.finish("2", CommandState.COMPLETED);
        sequence.awaitAll();
        assertThat(gateway.maxConflictingInFlight(footprints)).isZero();
    }

    @Test
    void reads_of_one_key_go_together_but_a_write_waits_for_them() throws Exception {
        OrderedSubmitter sequence = sequence(16);
        sequence.submit(command("r1", reads("farm/field/F")));
        sequence.submit(command("r2", reads("farm/field/F")));
        sequence.submit(command("w", Footprint.writes("farm/field/F")));
        submitted("r1", "r2");
        assertThat(gateway.submitted).doesNotContain("w");
        gateway.finish("r1", CommandState.COMPLETED);
        assertThat(gateway.submitted).doesNotContain("w");
        gateway.finish("r2", CommandState.COMPLETED);
        submitted("w");
    }

    @Test
    void a_later_command_that_conflicts_with_nothing_goes_past_a_blocked_one() throws Exception {
        OrderedSubmitter sequence = sequence(16);
        sequence.submit(command("1", Footprint.writes("farm/cow/A", "farm/barn/B")));
        sequence.submit(command("2", Footprint.writes("farm/cow/C", "farm/barn/B"))); // blocked by 1
        sequence.submit(command("3", Footprint.writes("farm/cow/D")));               // free
        submitted("1", "3");
        assertThat(gateway.submitted).doesNotContain("2");
        gateway.finish("3", CommandState.COMPLETED);
        assertThat(sequence.finishedThrough()).isZero(); // 3 is done, but 1 and 2 are not
        gateway.finish("1", CommandState.COMPLETED);
        submitted("2");
        gateway.finish("2", CommandState.COMPLETED);
        sequence.awaitAll();
        assertThat(sequence.finishedThrough()).isEqualTo(3);
    }

    @Test
    void a_barrier_waits_for_everything_before_it_and_holds_back_everything_after_it() throws Exception {
        OrderedSubmitter sequence = sequence(16);
        sequence.submit(command("1", Footprint.writes("farm/cow/A")));
        sequence.submit(command("2", Footprint.writes("farm/cow/B")));
        sequence.submit(command("barrier", Footprint.barrierOf()));
        sequence.submit(command("4", Footprint.writes("farm/cow/Z")));
        submitted("1", "2");
        assertThat(gateway.submitted).containsExactlyInAnyOrder("1", "2");
        gateway.finish("1", CommandState.COMPLETED);
        gateway.finish("2", CommandState.COMPLETED);
        submitted("barrier");
        assertThat(gateway.submitted).doesNotContain("4");
        gateway.finish("barrier", CommandState.INVALID);
        submitted("4");
    }

    @Test
    void no_more_than_the_window_is_taken_in_unfinished() throws Exception {
        OrderedSubmitter sequence = sequence(3);
        Future<?> feeding = feeder.submit(() -> {
            for (int i = 1; i <= 10; i++) {
                sequence.submit(command("c" + i, Footprint.writes("farm/cow/" + i)));
            }
            return null;
        });
        submitted("c1", "c2", "c3");
        Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> gateway.submitted.size() == 3);
        assertThat(sequence.unfinished()).isEqualTo(3);
        gateway.finish("c2", CommandState.COMPLETED);
        submitted("c4");
        assertThat(gateway.submitted).hasSize(4);
        for (int i = 1; i <= 10; i++) {
            int n = i;
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> gateway.submitted.contains("c" + n));
            gateway.finish("c" + i, CommandState.COMPLETED);
        }
        feeding.get();
        sequence.awaitAll();
        assertThat(gateway.maxInFlight).isLessThanOrEqualTo(3);
    }

    @Test
    void a_command_another_hub_finished_is_seen_in_its_status() throws Exception {
        OrderedSubmitter sequence = sequence(16, Duration.ofMillis(50));
        sequence.submit(command("1", Footprint.writes("farm/cow/A")));
        sequence.submit(command("2", Footprint.writes("farm/cow/A")));
        submitted("1");
        gateway.finishElsewhere("1", CommandState.COMPLETED); // no watcher hears it
        submitted("2");
    }

    @Test
    void many_random_commands_never_have_two_conflicting_ones_in_flight() throws Exception {
        OrderedSubmitter sequence = sequence(8);
        java.util.Random random = new java.util.Random(7);
        List<String> ids = new ArrayList<>();
        Future<?> feeding = feeder.submit(() -> {
            for (int i = 0; i < 300; i++) {
                Footprint.Builder footprint = Footprint.builder();
                footprint.write("farm/cow/" + random.nextInt(20));
                if (random.nextBoolean()) {
                    footprint.read("farm/field/" + random.nextInt(3));
                } else {
                    footprint.write("farm/barn/" + random.nextInt(5));
                }
                String id = "r" + i;
                sequence.submit(command(id, random.nextInt(50) == 0 ? Footprint.barrierOf() : footprint.build()));
            }
            return null;
        });
        while (!feeding.isDone() || sequence.unfinished() > 0) {
            List<String> running = gateway.running();
            if (!running.isEmpty()) {
                gateway.finish(running.get(random.nextInt(running.size())), CommandState.COMPLETED);
            } else {
                Thread.onSpinWait();
            }
        }
        feeding.get();
        assertThat(gateway.submitted).hasSize(300);
        assertThat(gateway.maxConflictingInFlight(footprints)).isZero();
        // and each key's commands were submitted in sequence order
        Map<String, Integer> lastFor = new HashMap<>();
        for (String id : gateway.submitted) {
            int n = Integer.parseInt(id.substring(1));
            for (String key : footprints.get(id).keys().keySet()) {
                if (footprints.get(id).keys().get(key) == Footprint.Mode.WRITE) {
                    assertThat(lastFor.getOrDefault(key, -1)).as(id + " on " + key).isLessThan(n);
                    lastFor.put(key, n);
                }
            }
        }
    }

    @Test
    void a_fault_of_the_gateway_stops_the_sequence() throws Exception {
        OrderedSubmitter sequence = sequence(16);
        gateway.failNext = true;
        sequence.submit(command("1", Footprint.writes("farm/cow/A")));
        assertThatThrownBy(sequence::awaitAll).hasMessageContaining("store down");
    }

    /** A gateway whose commands stay CREATED until the test finishes them. */
    static final class FakeGateway implements CommandGateway {

        final List<String> submitted = new CopyOnWriteArrayList<>();
        private final Map<String, CommandStatus> statuses = new HashMap<>();
        private final Map<String, List<Consumer<CommandStatus>>> watchers = new HashMap<>();
        private final Set<String> inFlight = new LinkedHashSet<>();
        // Every set of commands that was in flight at one moment, to check conflicts afterwards.
        private final List<Set<String>> moments = new ArrayList<>();
        volatile int maxInFlight;
        volatile boolean failNext;

        @Override
        public synchronized Submission submit(CommandRequest request) {
            if (failNext) {
                failNext = false;
                throw new IllegalStateException("store down");
            }
            submitted.add(request.commandId());
            CommandStatus status = status(request.commandId(), CommandState.CREATED);
            statuses.put(request.commandId(), status);
            inFlight.add(request.commandId());
            moments.add(Set.copyOf(inFlight));
            maxInFlight = Math.max(maxInFlight, inFlight.size());
            return new Submission.Accepted(status);
        }

        synchronized List<String> running() {
            return new ArrayList<>(inFlight);
        }

        void finish(String id, CommandState state) {
            List<Consumer<CommandStatus>> listeners;
            CommandStatus status;
            synchronized (this) {
                status = status(id, state);
                statuses.put(id, status);
                inFlight.remove(id);
                listeners = new ArrayList<>(watchers.getOrDefault(id, List.of()));
            }
            listeners.forEach(listener -> listener.accept(status));
        }

        synchronized void finishElsewhere(String id, CommandState state) {
            statuses.put(id, status(id, state));
            inFlight.remove(id);
        }

        synchronized int maxConflictingInFlight(Map<String, Footprint> footprints) {
            int conflicts = 0;
            for (Set<String> moment : moments) {
                List<String> ids = new ArrayList<>(moment);
                for (int i = 0; i < ids.size(); i++) {
                    for (int j = i + 1; j < ids.size(); j++) {
                        if (footprints.get(ids.get(i)).conflicts(footprints.get(ids.get(j)))) {
                            conflicts++;
                        }
                    }
                }
            }
            return conflicts;
        }

        @Override
        public synchronized Optional<CommandStatus> status(String commandId) {
            return Optional.ofNullable(statuses.get(commandId));
        }

        @Override
        public List<CommandStatus> recent(CommandState state, int limit) {
            return List.of();
        }

        @Override
        public Optional<CommandStatus> resume(String commandId, String by) {
            return Optional.empty();
        }

        @Override
        public AutoCloseable watch(String commandId, Consumer<CommandStatus> onChange) {
            CommandStatus now;
            synchronized (this) {
                watchers.computeIfAbsent(commandId, id -> new CopyOnWriteArrayList<>()).add(onChange);
                now = statuses.get(commandId);
            }
            if (now != null) {
                onChange.accept(now);
            }
            return () -> {
                synchronized (this) {
                    watchers.getOrDefault(commandId, List.of()).remove(onChange);
                }
            };
        }

        private static CommandStatus status(String id, CommandState state) {
            return new CommandStatus(id, "RelocateAnimal", state, "mary", CommandSource.api("mary"), Instant.EPOCH,
                    Instant.EPOCH, List.of(), List.of(), List.of());
        }
    }
}
