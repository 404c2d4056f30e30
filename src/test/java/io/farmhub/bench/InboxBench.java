package io.farmhub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.commands.CommandGateway;
import io.farmhub.projection.SnapshotStore;
import io.farmhub.core.Json;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * The inbox figures, on the hub {@link IntakeBench} started (embedded: a real inbox folder).
 * <ul>
 *   <li>{@code inbox.documents} / {@code inbox.commands}: movement forms of 10 rows dropped at once into one user's
 *       folder, timed until every form is archived with all its commands COMPLETED. One user's documents run one
 *       after another, in name order (docs/intake.md), so this is the latency of one document end to end.</li>
 *   <li>{@code inbox.documents.4-users} / {@code inbox.commands.4-users}: as many forms spread over four users'
 *       folders, which the hub works at once ({@code farmhub.inbox.workers}).</li>
 *   <li>{@code inbox.large-form.memory}: the live heap above the baseline while a 10,000-row movement form is
 *       processed, against the same for a 1,000-row form ({@code inbox.large-form.memory.1k-rows}); a streaming
 *       intake keeps the ratio near 1. The cows are moved once beforehand, so the pipeline's per-stream caches
 *       already hold them and what is measured is what the document costs.</li>
 * </ul>
 * Rows move cows between fields by default: a move into a barn folds the whole herd to count the barn
 * ({@code BarnOccupancy}) and reads every cow's version, so concurrent moves conflict and the figure would measure
 * that domain cost, not the inbox's; {@code -Dbench.inbox.to=barn} measures it anyway.
 */
final class InboxBench {

    static final String MANAGER = "bench-mary";
    static final List<String> FOLDERS = List.of("bench-u1", "bench-u2", "bench-u3", "bench-u4");
    private static final int ROWS = 10;
    private static final int BARNS = 8;

    private InboxBench() {
    }

    static void run(Path data, CommandGateway gateway, SnapshotStore snapshots, Report report) throws Exception {
        if (!Selection.any("intake", "inbox.documents", "inbox.large-form.memory", "inbox.form-in-order")) {
            return;
        }
        int documents = Integer.getInteger("bench.inbox.documents", 1_000);
        for (String field : List.of("bench-field", "bench-field-2", "bench-field-3", "bench-field-4")) {
            IntakeBench.submit(gateway, "RegisterField", field, "{\"fieldCode\":\"" + field
                    + "\",\"name\":\"Bench\",\"areaHectares\":10}");
        }
        IntakeBench.awaitCompleted(gateway, List.of("bench-field", "bench-field-2", "bench-field-3",
                "bench-field-4"));
        // The memory figure first: its herd must fit the pipeline's state cache (StreamStateCache, 20,000 streams),
        // which the documents' 20,000 cows would otherwise have filled, so that evicting and refolding cows while
        // the form runs would be counted as the form's.
        if (Selection.any("intake", "inbox.large-form.memory")) {
            largeForm(data, gateway, snapshots, report);
        }
        if (Selection.any("intake", "inbox.documents")) {
            documents(data, gateway, report, documents, List.of(MANAGER), 0, "");
        }
        if (Selection.any("intake", "inbox.documents.4-users")) {
            documents(data, gateway, report, documents, FOLDERS, 1_000_000, ".4-users");
        }
        if (Selection.any("intake", "inbox.form-in-order")) {
            formInOrder(data, gateway, report);
        }
    }

    // --- inbox.form-in-order ------------------------------------------------------------------------------------

    private static final int ORDER_COWS = 2_000;
    private static final int ORDER_ROWS = 10_000;
    private static final int ORDER_BARNS = 20;

    /**
     * One 10,000-row movement form over 2,000 cows, each moved five times (so row n often depends on an earlier
     * row of the same cow), in row order: field 2, field 3, a barn (one of 20, with room), field 4, field 2. Timed
     * from the drop until archived, every row COMPLETED; baseline commands.in-process of the same run.
     */
    private static void formInOrder(Path data, CommandGateway gateway, Report report) throws Exception {
        List<String> barns = new ArrayList<>();
        for (int b = 0; b < ORDER_BARNS; b++) {
            String barn = "bench-order-barn-" + b;
            IntakeBench.submit(gateway, "RegisterBarn", barn, "{\"barnCode\":\"" + barn
                    + "\",\"name\":\"Bench\",\"capacity\":" + ORDER_COWS + "}");
            barns.add(barn);
        }
        IntakeBench.awaitCompleted(gateway, barns);
        int firstCow = 3_000_000;
        buyCows(gateway, firstCow, ORDER_COWS, "bench-field");
        StringBuilder form = new StringBuilder("ear_tag,to,moved_on\n");
        for (int row = 0; row < ORDER_ROWS; row++) {
            int cow = row % ORDER_COWS;
            int move = row / ORDER_COWS;
            String to = switch (move % 5) {
                case 0 -> "field:bench-field-2";
                case 1 -> "field:bench-field-3";
                case 2 -> "barn:bench-order-barn-" + cow % ORDER_BARNS;
                case 3 -> "field:bench-field-4";
                default -> "field:bench-field-2";
            };
            form.append(earTag(firstCow + cow)).append(',').append(to).append(",2026-11-2").append(move).append('\n');
        }
        String name = "order-form.csv";
        Path archive = data.resolve("archive").resolve(MANAGER);
        long start = drop(Map.of(data.resolve("inbox").resolve(MANAGER).resolve(name), form.toString()));
        Awaitility.await(name + " archived").atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> results(List.of(archive)).stream()
                        .anyMatch(p -> p.getFileName().toString().equals(name + ".result.json")));
        double seconds = (System.nanoTime() - start) / 1e9;
        Path result = results(List.of(archive)).stream()
                .filter(p -> p.getFileName().toString().equals(name + ".result.json")).findFirst().orElseThrow();
        int rows = 0;
        for (JsonNode command : Json.MAPPER.readTree(result.toFile()).path("commands")) {
            if (!"COMPLETED".equals(command.path("state").asText())) {
                throw new IllegalStateException("not COMPLETED in " + result + ": " + command);
            }
            rows++;
        }
        Figure figure = Figure.of("inbox.form-in-order", rows / seconds, "rows/s", "one " + rows
                + "-row movement form over " + ORDER_COWS + " cows (five moves each, one into a barn), in row"
                + " order, until archived with every row COMPLETED");
        try {
            Figure baseline = report.find("commands.in-process");
            figure = Figure.against(figure.name(), figure.value(), figure.unit(), baseline, "≥ 0.5 × commands.in-process");
        } catch (IllegalStateException noBaseline) {
            // No in-process command figure in this run: reported on its own.
        }
        report.add(figure);
    }

    // --- inbox.documents ----------------------------------------------------------------------------------------

    private static void documents(Path data, CommandGateway gateway, Report report, int documents,
            List<String> users, int firstCow, String suffix) throws Exception {
        boolean toBarns = "barn".equals(System.getProperty("bench.inbox.to", "field"));
        buyCows(gateway, firstCow, documents * ROWS, "bench-field");

        Map<Path, String> forms = new LinkedHashMap<>();
        for (int d = 0; d < documents; d++) {
            StringBuilder form = new StringBuilder("ear_tag,to,moved_on\n");
            for (int r = 0; r < ROWS; r++) {
                form.append(earTag(firstCow + d * ROWS + r))
                        .append(toBarns ? ",barn:bench-barn-" + r % BARNS : ",field:bench-field-2")
                        .append(",2026-11-20\n");
            }
            String user = users.get(d % users.size());
            forms.put(data.resolve("inbox").resolve(user).resolve(String.format("move-%04d.csv", d)),
                    form.toString());
        }
        long start = drop(forms);
        List<Path> archives = users.stream().map(u -> data.resolve("archive").resolve(u)).toList();
        Awaitility.await("every form archived").atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> moves(archives).size() >= documents);
        double seconds = (System.nanoTime() - start) / 1e9;
        int completed = 0;
        for (Path result : moves(archives)) {
            for (JsonNode command : Json.MAPPER.readTree(result.toFile()).path("commands")) {
                if (!"COMPLETED".equals(command.path("state").asText())) {
                    throw new IllegalStateException("not COMPLETED in " + result + ": " + command);
                }
                completed++;
            }
        }
        String where = users.size() == 1 ? "one user's folder" : users.size() + " users' folders";
        report.add(Figure.of("inbox.documents" + suffix, documents / seconds, "documents/s",
                documents + " movement forms of " + ROWS + " rows (to " + (toBarns ? "barns" : "a field")
                        + ") dropped at once into " + where + ", until all archived COMPLETED"));
        Figure commands = Figure.of("inbox.commands" + suffix, completed / seconds, "commands/s",
                completed + " RelocateAnimal commands from the inbox, all COMPLETED");
        try {
            Figure baseline = report.find("commands.in-process");
            commands = Figure.against(commands.name(), commands.value(), commands.unit(), baseline, commands.goal());
        } catch (IllegalStateException noBaseline) {
            // No in-process command figure in this run: reported on its own.
        }
        report.add(commands);
    }

    // --- inbox.large-form.memory --------------------------------------------------------------------------------

    /**
     * A 1,000-row and a 10,000-row movement form, each row a valid RelocateAnimal of a cow bought beforehand, each
     * processed alone while the live heap is sampled.
     */
    private static void largeForm(Path data, CommandGateway gateway, SnapshotStore snapshots, Report report)
            throws Exception {
        int firstCow = 2_000_000;
        int cows = 10_000;
        buyCows(gateway, firstCow, cows, "bench-field");
        // The herd the hub has been working with: each cow moved once in-process, so the pipeline's cache of
        // folded states (StreamStateCache, one entry per stream, bounded) already holds every cow, as on a farm
        // whose herd is busy every day. Without this pass the 10,000-row form would also be the first to fold
        // 9,000 more cows, and the figure would count that cache filling (about 0.35 KiB a cow) as the form's.
        double warming = heapWhileSubmitted(gateway, firstCow, cows, "bench-field-2");
        System.out.printf("[bench] the herd's states cached: %.1f MiB%n", warming);
        // And the read side has folded those moves: its followers keep the state they wrote last per cow (bounded),
        // which is the herd's too, not the form's.
        Awaitility.await("the read side caught up with the herd").atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(500)).until(() -> caughtUp(snapshots, firstCow, cows));
        double small = heapWhileProcessed(data, "large-1k.csv", form(firstCow, 1_000, "bench-field-3"));
        Figure baseline = report.add(Figure.of("inbox.large-form.memory.1k-rows", small, "MiB",
                "live heap above the baseline while a 1,000-row movement form is processed"));
        double large = heapWhileProcessed(data, "large-10k.csv", form(firstCow, cows, "bench-field-4"));
        report.add(Figure.against("inbox.large-form.memory", large, "MiB", baseline,
                "live heap above the baseline while a 10,000-row form is processed; ratio to 1,000 rows near 1"
                        + " (memory does not grow with the document)"));
    }

    /** Every cow's cow-summary reflects her purchase and her move. */
    private static boolean caughtUp(SnapshotStore snapshots, int firstCow, int cows) {
        Map<String, Long> versions = snapshots.versions("cow-summary", snapshots.currentGeneration("cow-summary"));
        for (int c = firstCow; c < firstCow + cows; c++) {
            if (versions.getOrDefault(earTag(c), 0L) < 2) {
                return false;
            }
        }
        return true;
    }

    /** Moves of these cows submitted straight through the gateway by 8 threads, while the live heap is sampled. */
    private static double heapWhileSubmitted(CommandGateway gateway, int firstCow, int cows, String to)
            throws Exception {
        // The ids are made as they are asked for, so the bench itself holds nothing per command.
        List<String> ids = new java.util.AbstractList<>() {
            @Override
            public String get(int i) {
                return "bench-mem-move-" + (firstCow + i);
            }

            @Override
            public int size() {
                return cows;
            }
        };
        java.util.concurrent.ExecutorService submitters = java.util.concurrent.Executors.newFixedThreadPool(8);
        try (HeapPeak heap = HeapPeak.start(500)) {
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(submitters.submit(() -> {
                    for (int i = next.getAndIncrement(); i < cows; i = next.getAndIncrement()) {
                        IntakeBench.submit(gateway, "RelocateAnimal", ids.get(i), "{\"earTag\":\""
                                + earTag(firstCow + i) + "\",\"to\":\"field:" + to + "\",\"movedOn\":\"2026-11-21\"}");
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
            IntakeBench.awaitCompleted(gateway, ids);
            double above = heap.aboveBaselineMiB();
            return above;
        } finally {
            submitters.shutdownNow();
        }
    }

    private static String form(int firstCow, int rows, String to) {
        StringBuilder form = new StringBuilder("ear_tag,to,moved_on\n");
        for (int r = 0; r < rows; r++) {
            form.append(earTag(firstCow + r)).append(",field:").append(to).append(",2026-11-21\n");
        }
        return form.toString();
    }

    private static double heapWhileProcessed(Path data, String name, String form) throws Exception {
        Path archive = data.resolve("archive").resolve(MANAGER);
        try (HeapPeak heap = HeapPeak.start(500)) {
            drop(Map.of(data.resolve("inbox").resolve(MANAGER).resolve(name), form));
            Awaitility.await(name + " archived").atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> results(List.of(archive)).stream()
                            .anyMatch(p -> p.getFileName().toString().equals(name + ".result.json")));
            double above = heap.aboveBaselineMiB();
            Path result = results(List.of(archive)).stream()
                    .filter(p -> p.getFileName().toString().equals(name + ".result.json")).findFirst().orElseThrow();
            for (JsonNode command : Json.MAPPER.readTree(result.toFile()).path("commands")) {
                if (!"COMPLETED".equals(command.path("state").asText())) {
                    throw new IllegalStateException("not COMPLETED in " + result + ": " + command);
                }
            }
            System.out.printf("[bench] %s: %d looks at the heap, %.1f MiB above the baseline at most%n", name,
                    heap.samples(), above);
            return above;
        }
    }

    // --- shared -------------------------------------------------------------------------------------------------

    private static void buyCows(CommandGateway gateway, int first, int count, String field) throws Exception {
        List<String> purchases = new ArrayList<>();
        for (int c = first; c < first + count; c++) {
            String id = "bench-cow-" + c;
            IntakeBench.submit(gateway, "RecordPurchase", id, "{\"earTag\":\"" + earTag(c)
                    + "\",\"herdNumber\":\"H1\",\"sex\":\"F\",\"breed\":\"Angus\",\"bornOn\":\"2024-01-01\","
                    + "\"purchasedOn\":\"2026-11-02\",\"seller\":\"Kelly\",\"price\":{\"amount\":\"1000.00\","
                    + "\"currency\":\"EUR\"},\"location\":\"field:" + field + "\"}");
            purchases.add(id);
        }
        IntakeBench.awaitCompleted(gateway, purchases);
    }

    /** Writes each form aside as .tmp (the inbox skips those), then renames them all: they appear at once. */
    private static long drop(Map<Path, String> forms) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<Path, String> form : forms.entrySet()) {
            Files.createDirectories(form.getKey().getParent());
            written.add(Files.writeString(form.getKey().resolveSibling(form.getKey().getFileName() + ".tmp"),
                    form.getValue()));
        }
        long start = System.nanoTime();
        for (Path p : written) {
            String name = p.getFileName().toString();
            Files.move(p, p.resolveSibling(name.substring(0, name.length() - ".tmp".length())));
        }
        return start;
    }

    /** The results of the movement forms of {@link #documents} (the large forms share a folder with them). */
    private static List<Path> moves(List<Path> archives) throws IOException {
        return results(archives).stream().filter(p -> p.getFileName().toString().startsWith("move-")).toList();
    }

    /** The result files below the archive folders; one that goes while they are walked is simply not counted. */
    private static List<Path> results(List<Path> archives) throws IOException {
        List<Path> results = new ArrayList<>();
        for (Path archive : archives) {
            if (!Files.exists(archive)) {
                continue;
            }
            Files.walkFileTree(archive, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (file.getFileName().toString().endsWith(".result.json")) {
                        results.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        return results;
    }

    static String earTag(int i) {
        return "IE" + (7_700_000_000L + i);
    }
}
