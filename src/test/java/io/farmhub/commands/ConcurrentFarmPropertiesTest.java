package io.farmhub.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.FarmHubApplication;
import io.farmhub.commands.SerialReplay.Sent;
import io.farmhub.core.CommandRequest;
import io.farmhub.core.CommandSource;
import io.farmhub.core.EventEnvelope;
import io.farmhub.core.Json;
import io.farmhub.core.StreamId;
import io.farmhub.eventstore.EventStore;
import io.farmhub.intake.TwoHubs;
import io.farmhub.security.ApiKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.awaitility.Awaitility;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 10's property: random farm commands (RelocateAnimal, RecordSale, RecordPurchase, RegisterBirth) sent all
 * at once through the real pipeline of an embedded hub (SQLite) on a small farm (a field and two barns with room
 * for one or two) end exactly as SOME serial order of the commands that were accepted, and no barn is ever over
 * capacity at any version of its own stream. The serial world is {@link SerialReplay}: the pure domain deciding the
 * accepted commands one after the other. The order tried first is the commit order (recordedAt); when that does
 * not fit, every order is tried (a handful of commands, so this stays small).
 *
 * <p>The state compared is what domain.md says the streams hold: each cow's status and location from her stream,
 * each barn's housed cows from its own {@code AnimalHoused} / {@code AnimalLeftBarn}.
 */
class ConcurrentFarmPropertiesTest {

    private static final String MARY = "mary";
    private static final int MAX_ORDERS_TRIED = 5_000;
    private static final AtomicLong TAGS = new AtomicLong(2_000_000_000L + System.nanoTime() % 1_000_000_000L);

    private static ConfigurableApplicationContext hub;
    private static CommandGateway gateway;
    private static EventStore store;

    @BeforeContainer
    static void startHub() {
        hub = new SpringApplicationBuilder(FarmHubApplication.class)
                .initializers(context -> context.getBeanFactory()
                        .registerSingleton("testTypeExcludeFilter", new TwoHubs.NoTestConfigurations()))
                .run("--server.port=0", "--camel.main.name=farmhub-interleavings",
                        "--farmhub.data-dir=target/test-data/interleavings-" + UUID.randomUUID(),
                        "--farmhub.security.users.mary.api-key-sha256=" + ApiKey.sha256Hex("mary-key"),
                        "--farmhub.security.users.mary.roles=farm-manager");
        gateway = hub.getBean(CommandGateway.class);
        store = hub.getBean(EventStore.class);
    }

    @AfterContainer
    static void stopHub() {
        if (hub != null) {
            hub.close();
        }
    }

    enum Kind { MOVE, SALE, PURCHASE, BIRTH }

    /** One generated command: what, on which cow (an index into the herd and two newcomers), where, which dam. */
    record Step(Kind kind, int cow, int location, int dam) {
    }

    /** @param herd the starting location index of each cow already on the farm (0 the field, 1 and 2 the barns) */
    record Plan(int firstBarnCapacity, int secondBarnCapacity, List<Integer> herd, List<Step> steps) {
    }

    @Provide
    Arbitrary<Plan> plans() {
        Arbitrary<Integer> capacity = Arbitraries.integers().between(1, 2);
        Arbitrary<List<Integer>> herd = Arbitraries.integers().between(0, 2).list().ofMinSize(3).ofMaxSize(6);
        Arbitrary<Kind> kind = Arbitraries.frequency(Tuple.of(8, Kind.MOVE), Tuple.of(2, Kind.SALE),
                Tuple.of(2, Kind.PURCHASE), Tuple.of(1, Kind.BIRTH));
        Arbitrary<Step> step = Combinators.combine(kind, Arbitraries.integers().between(0, 7),
                // Mostly into the barns, where the races are.
                Arbitraries.frequency(Tuple.of(1, 0), Tuple.of(3, 1), Tuple.of(3, 2)),
                Arbitraries.integers().between(0, 7)).as(Step::new);
        return Combinators.combine(capacity, capacity, herd, step.list().ofMinSize(5).ofMaxSize(9)).as(Plan::new);
    }

    @Property(tries = 15, shrinking = ShrinkingMode.OFF)
    void concurrent_commands_end_as_some_serial_order_and_no_barn_is_ever_over_capacity(
            @ForAll("plans") Plan plan) throws Exception {
        SmallFarm farm = new SmallFarm(plan);
        for (List<Sent> wave : farm.setUp()) {
            Map<String, CommandStatus> done = runAtOnce(wave);
            done.values().forEach(s -> assertThat(s.state()).as("setup %s", s).isEqualTo(CommandState.COMPLETED));
        }
        List<Sent> raced = farm.raced();
        Map<String, CommandStatus> outcomes = runAtOnce(raced);
        outcomes.values().forEach(s -> assertThat(s.state()).as("%s", s)
                .isIn(CommandState.COMPLETED, CommandState.INVALID));
        outcomes.values().forEach(s -> Statistics.label("outcomes").collect(s.commandType() + " " + s.state()
                + (s.errors().isEmpty() ? "" : " " + s.errors().get(0).code())));

        FarmState stored = FarmState.of(farm, store::read);
        for (String barn : farm.barns()) {
            List<Set<String>> versions = housedByVersion(store.read(barnStream(barn)));
            for (int v = 0; v < versions.size(); v++) {
                assertThat(versions.get(v)).as("barn %s (capacity %d) housed at version %d; outcomes %s", barn,
                        farm.capacity(barn), v + 1, outcomes).hasSizeLessThanOrEqualTo(farm.capacity(barn));
            }
        }
        assertThat(stored.housedByCowLocation(farm)).as("cows whose stream puts them in each barn, against the"
                + " barn's own stream (%s)", outcomes).isEqualTo(stored.housed());

        List<Sent> accepted = raced.stream()
                .filter(s -> outcomes.get(s.commandId()).state() == CommandState.COMPLETED)
                .sorted(Comparator.comparing(s -> committedAt(farm, s.commandId())))
                .toList();
        Optional<List<Sent>> serial = serialOrder(farm, accepted, stored);
        assertThat(serial).as("a serial order of the accepted commands %s that accepts each of them and ends as the"
                + " store does: %s (all outcomes: %s)", accepted.stream().map(Sent::commandId).toList(), stored,
                outcomes).isPresent();
    }

    /** The first order (commit order first, then every other) whose serial replay accepts all and ends as stored. */
    private static Optional<List<Sent>> serialOrder(SmallFarm farm, List<Sent> accepted, FarmState stored) {
        if (endsAs(farm, accepted, stored)) {
            return Optional.of(accepted);
        }
        int[] tried = {0};
        return search(farm, new ArrayList<>(), new ArrayList<>(accepted), stored, tried);
    }

    private static Optional<List<Sent>> search(SmallFarm farm, List<Sent> prefix, List<Sent> rest, FarmState stored,
            int[] tried) {
        if (rest.isEmpty()) {
            return endsAs(farm, prefix, stored) ? Optional.of(List.copyOf(prefix)) : Optional.empty();
        }
        for (int i = 0; i < rest.size() && tried[0] < MAX_ORDERS_TRIED; i++) {
            tried[0]++;
            Sent next = rest.remove(i);
            prefix.add(next);
            if (replay(farm, prefix).isPresent()) {
                Optional<List<Sent>> found = search(farm, prefix, rest, stored, tried);
                if (found.isPresent()) {
                    return found;
                }
            }
            prefix.remove(prefix.size() - 1);
            rest.add(i, next);
        }
        return Optional.empty();
    }

    private static boolean endsAs(SmallFarm farm, List<Sent> order, FarmState stored) {
        return replay(farm, order).map(r -> FarmState.of(farm, r::events).equals(stored)).orElse(false);
    }

    /** The setup and then {@code order}, serially; empty when any of them is not accepted. */
    private static Optional<SerialReplay> replay(SmallFarm farm, List<Sent> order) {
        SerialReplay replay = new SerialReplay(LocalDate.now(ZoneOffset.UTC));
        for (List<Sent> wave : farm.setUp()) {
            for (Sent sent : wave) {
                if (!replay.accepts(sent)) {
                    throw new AssertionError("the setup is not accepted in the serial world: " + sent);
                }
            }
        }
        for (Sent sent : order) {
            if (!replay.accepts(sent)) {
                return Optional.empty();
            }
        }
        return Optional.of(replay);
    }

    /** When the command's first event was stored: its place in the commit order. */
    private static Instant committedAt(SmallFarm farm, String commandId) {
        Instant first = Instant.MAX;
        for (StreamId stream : farm.streams()) {
            for (EventEnvelope e : store.read(stream)) {
                if (commandId.equals(e.correlationId()) && e.recordedAt().isBefore(first)) {
                    first = e.recordedAt();
                }
            }
        }
        return first;
    }

    /** Sends every command at the same instant (one thread each, a barrier) and waits for each to end. */
    private static Map<String, CommandStatus> runAtOnce(List<Sent> commands) throws Exception {
        CyclicBarrier start = new CyclicBarrier(commands.size());
        ExecutorService clients = Executors.newFixedThreadPool(commands.size());
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (Sent command : commands) {
                sent.add(clients.submit(() -> {
                    start.await();
                    gateway.submit(new CommandRequest(command.type(), command.commandId(), command.payload(), MARY,
                            CommandSource.api(MARY)));
                    return null;
                }));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        } finally {
            clients.shutdownNow();
        }
        Map<String, CommandStatus> outcomes = new LinkedHashMap<>();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            for (Sent command : commands) {
                gateway.status(command.commandId()).filter(s -> s.state().terminal())
                        .ifPresent(s -> outcomes.put(command.commandId(), s));
            }
            return outcomes.size() == commands.size();
        });
        return outcomes;
    }

    static StreamId barnStream(String barn) {
        return StreamId.farm("barn", barn);
    }

    static StreamId cowStream(String tag) {
        return StreamId.farm("cow", tag);
    }

    /** A barn's housed cows after each version of its stream (element i: after version i + 1). */
    static List<Set<String>> housedByVersion(List<EventEnvelope> barnEvents) {
        List<Set<String>> versions = new ArrayList<>();
        Set<String> housed = new TreeSet<>();
        for (EventEnvelope e : barnEvents) {
            String tag = e.data().path("earTag").asText();
            switch (e.eventType()) {
                case "AnimalHoused" -> housed.add(tag);
                case "AnimalLeftBarn" -> housed.remove(tag);
                default -> {
                }
            }
            versions.add(new TreeSet<>(housed));
        }
        return versions;
    }

    /**
     * What the streams say: each cow's status and location ("ON_FARM field:x", "SOLD", "DIED", "NONE" for a cow
     * with no stream) and each barn's housed cows from its own stream.
     */
    record FarmState(Map<String, String> cows, Map<String, Set<String>> housed) {

        interface Streams {
            List<EventEnvelope> read(StreamId stream);
        }

        static FarmState of(SmallFarm farm, Streams streams) {
            Map<String, String> cows = new TreeMap<>();
            for (String tag : farm.tags()) {
                String state = "NONE";
                for (EventEnvelope e : streams.read(cowStream(tag))) {
                    JsonNode data = e.data();
                    state = switch (e.eventType()) {
                        case "AnimalBorn", "AnimalPurchased" -> "ON_FARM " + data.path("location").asText();
                        case "AnimalRelocated" -> "ON_FARM " + data.path("to").asText();
                        case "AnimalSold" -> "SOLD";
                        case "AnimalDied" -> "DIED";
                        default -> state;
                    };
                }
                cows.put(tag, state);
            }
            Map<String, Set<String>> housed = new TreeMap<>();
            for (String barn : farm.barns()) {
                List<Set<String>> versions = housedByVersion(streams.read(barnStream(barn)));
                housed.put(barn, versions.isEmpty() ? Set.of() : versions.get(versions.size() - 1));
            }
            return new FarmState(cows, housed);
        }

        /** Each barn's cows as the cows' own streams place them. */
        Map<String, Set<String>> housedByCowLocation(SmallFarm farm) {
            Map<String, Set<String>> byLocation = new TreeMap<>();
            for (String barn : farm.barns()) {
                Set<String> here = new TreeSet<>();
                cows.forEach((tag, state) -> {
                    if (state.equals("ON_FARM barn:" + barn)) {
                        here.add(tag);
                    }
                });
                byLocation.put(barn, here);
            }
            return byLocation;
        }
    }

    /** One try's farm: a field, two barns and a few cows under keys no other try uses, and its commands. */
    static final class SmallFarm {

        private final Plan plan;
        private final String suffix = UUID.randomUUID().toString().substring(0, 8);
        private final String field = "pf-" + suffix;
        private final List<String> barns = List.of("pb1-" + suffix, "pb2-" + suffix);
        private final List<String> tags = new ArrayList<>();
        private final Map<String, Integer> capacities = new HashMap<>();

        SmallFarm(Plan plan) {
            this.plan = plan;
            for (int i = 0; i < plan.herd().size() + 2; i++) {
                tags.add("IE" + TAGS.incrementAndGet());
            }
            capacities.put(barns.get(0), plan.firstBarnCapacity());
            capacities.put(barns.get(1), plan.secondBarnCapacity());
        }

        List<String> barns() {
            return barns;
        }

        List<String> tags() {
            return tags;
        }

        int capacity(String barn) {
            return capacities.get(barn);
        }

        List<StreamId> streams() {
            List<StreamId> streams = new ArrayList<>();
            tags.forEach(t -> streams.add(cowStream(t)));
            barns.forEach(b -> streams.add(barnStream(b)));
            return streams;
        }

        private String location(int index) {
            return index == 0 ? "field:" + field : "barn:" + barns.get(index - 1);
        }

        /** Two waves, each sent at once: the field and barns, then the herd (a full barn's cow goes to the field). */
        List<List<Sent>> setUp() {
            List<Sent> places = List.of(
                    sent("setup-field", "RegisterField", "{\"fieldCode\":\"" + field
                            + "\",\"name\":\"Paddock\",\"areaHectares\":2}"),
                    sent("setup-barn-1", "RegisterBarn", "{\"barnCode\":\"" + barns.get(0)
                            + "\",\"name\":\"Shed one\",\"capacity\":" + plan.firstBarnCapacity() + "}"),
                    sent("setup-barn-2", "RegisterBarn", "{\"barnCode\":\"" + barns.get(1)
                            + "\",\"name\":\"Shed two\",\"capacity\":" + plan.secondBarnCapacity() + "}"));
            int[] room = {0, plan.firstBarnCapacity(), plan.secondBarnCapacity()};
            List<Sent> herd = new ArrayList<>();
            for (int i = 0; i < plan.herd().size(); i++) {
                int at = plan.herd().get(i);
                if (room[at] == 0) {
                    at = 0;
                } else if (at > 0) {
                    room[at]--;
                }
                herd.add(sent("setup-buy-" + i, "RecordPurchase", purchase(tags.get(i), location(at), "2026-11-02")));
            }
            return List.of(places, herd);
        }

        /** The commands raced against each other. */
        List<Sent> raced() {
            List<Sent> raced = new ArrayList<>();
            for (int i = 0; i < plan.steps().size(); i++) {
                Step step = plan.steps().get(i);
                String tag = tags.get(step.cow() % tags.size());
                String to = location(step.location());
                String id = "step-" + i;
                raced.add(switch (step.kind()) {
                    case MOVE -> sent(id, "RelocateAnimal", "{\"earTag\":\"" + tag + "\",\"to\":\"" + to
                            + "\",\"movedOn\":\"2026-11-21\"}");
                    case SALE -> sent(id, "RecordSale", "{\"earTag\":\"" + tag + "\",\"soldOn\":\"2026-11-21\","
                            + "\"buyer\":\"Mart\",\"price\":{\"amount\":\"900.00\",\"currency\":\"EUR\"}}");
                    case PURCHASE -> sent(id, "RecordPurchase", purchase(tag, to, "2026-11-21"));
                    case BIRTH -> sent(id, "RegisterBirth", "{\"earTag\":\"" + tag + "\",\"herdNumber\":\"H1\","
                            + "\"sex\":\"F\",\"breed\":\"Angus\",\"bornOn\":\"2026-11-21\","
                            + (step.dam() < plan.herd().size() ? "\"damEarTag\":\"" + tags.get(step.dam()) + "\","
                                    : "")
                            + "\"location\":\"" + to + "\"}");
                });
            }
            return raced;
        }

        private Sent sent(String name, String type, String payload) {
            try {
                return new Sent("prop-" + suffix + "-" + name, type, Json.MAPPER.readTree(payload));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String purchase(String tag, String location, String on) {
            return "{\"earTag\":\"" + tag + "\",\"herdNumber\":\"H1\",\"sex\":\"F\",\"breed\":\"Angus\","
                    + "\"bornOn\":\"2024-01-01\",\"purchasedOn\":\"" + on + "\",\"seller\":\"Kelly\","
                    + "\"price\":{\"amount\":\"1000.00\",\"currency\":\"EUR\"},\"location\":\"" + location + "\"}";
        }
    }
}
