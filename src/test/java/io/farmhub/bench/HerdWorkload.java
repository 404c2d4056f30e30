package io.farmhub.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.farmhub.core.CommandRequest;
import io.farmhub.core.CommandSource;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The commands the command benchmarks send: a herd of cows on two fields, then an endless mix of RelocateAnimal
 * (to the other field) and RecordMilking. Command k goes to cow k mod herd size, so a batch no larger than the
 * herd touches each cow once and the commands of one batch do not race on a stream; a cow alternates between
 * the two command types from one pass over the herd to the next. Fields, not barns: a move into a barn counts
 * the whole herd, which would measure the herd size rather than the pipeline.
 */
final class HerdWorkload {

    static final String USER = "bench";
    private static final String[] FIELDS = {"bench-east", "bench-west"};

    private final String name;
    private final int cows;
    private final int[] field;
    private long next;

    /** @param name keeps command ids apart when two workloads share a hub */
    HerdWorkload(String name, int cows) {
        this.name = name;
        this.cows = cows;
        this.field = new int[cows];
    }

    int cows() {
        return cows;
    }

    /** The two fields: to be done before {@link #purchases}. */
    List<CommandRequest> fields() {
        List<CommandRequest> setup = new ArrayList<>();
        for (String code : FIELDS) {
            setup.add(request("RegisterField", "setup-" + code, JsonNodeFactory.instance.objectNode()
                    .put("fieldCode", code).put("name", code).put("areaHectares", 12.5)));
        }
        return setup;
    }

    /** Every cow, bought onto the first field. */
    List<CommandRequest> purchases() {
        List<CommandRequest> setup = new ArrayList<>();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int i = 0; i < cows; i++) {
            ObjectNode price = JsonNodeFactory.instance.objectNode().put("amount", "1250.00").put("currency", "EUR");
            ObjectNode payload = JsonNodeFactory.instance.objectNode()
                    .put("earTag", earTag(i)).put("herdNumber", "H778812").put("sex", "F").put("breed", "Friesian")
                    .put("bornOn", today.minusYears(3).toString()).put("purchasedOn", today.minusDays(30).toString())
                    .put("seller", "Doyle Mart").put("location", "field:" + FIELDS[0]);
            payload.set("price", price);
            setup.add(request("RecordPurchase", "setup-" + i, payload));
        }
        return setup;
    }

    /** The next {@code n} commands; call again only once the previous ones are done (moves alternate fields). */
    synchronized List<CommandRequest> next(int n) {
        List<CommandRequest> batch = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            batch.add(next());
        }
        return batch;
    }

    synchronized CommandRequest next() {
        long k = next++;
        int cow = (int) (k % cows);
        boolean move = ((k / cows) + k) % 2 == 0;
        if (move) {
            field[cow] = 1 - field[cow];
            return request("RelocateAnimal", "c" + k, JsonNodeFactory.instance.objectNode()
                    .put("earTag", earTag(cow)).put("to", "field:" + FIELDS[field[cow]])
                    .put("movedOn", LocalDate.now(ZoneOffset.UTC).toString()));
        }
        Instant milkedAt = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        return request("RecordMilking", "c" + k, JsonNodeFactory.instance.objectNode()
                .put("earTag", earTag(cow)).put("milkedAt", milkedAt.toString()).put("litres", 12.5));
    }

    private CommandRequest request(String type, String id, ObjectNode payload) {
        return new CommandRequest(type, name + "-" + id, payload, USER, CommandSource.api(USER));
    }

    static String earTag(int cow) {
        return String.format("IE%010d", 1_000_000_000L + cow);
    }
}
