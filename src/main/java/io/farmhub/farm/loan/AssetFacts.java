package io.farmhub.farm.loan;

import io.farmhub.core.Aggregate;
import io.farmhub.core.StreamStates;
import io.farmhub.core.Versioned;
import io.farmhub.farm.field.Field;
import io.farmhub.farm.tractor.Tractor;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How to read an {@link Asset} from one kind of aggregate: its {@link Aggregate} (to fold its stream) and two
 * small extractors over its state. Whoever builds the loan handlers passes one per kind, which keeps the loan
 * package free of each aggregate's lifecycle (the cow's is written elsewhere):
 * {@code new AssetFacts<>(Cow.AGGREGATE, cow -> cow instanceof Cow.OnFarm, Cow::pledgedTo)}.
 */
public record AssetFacts<S>(Aggregate<S> aggregate, Predicate<S> exists, Function<S, Set<String>> pledgedTo) {

    public static final AssetFacts<Field> FIELDS =
            new AssetFacts<>(Field.AGGREGATE, Field::isRegistered, Field::pledgedTo);
    public static final AssetFacts<Tractor> TRACTORS =
            new AssetFacts<>(Tractor.AGGREGATE, Tractor::isRegistered, Tractor::pledgedTo);

    public Asset read(StreamStates states, String key) {
        Versioned<S> versioned = states.get(aggregate, key);
        S state = versioned.state();
        return new Asset(versioned.stream(), versioned.version(), exists.test(state), pledgedTo.apply(state));
    }
}
