package io.farmhub.farm.query;

import java.util.List;
import java.util.Optional;

/** Every query of domain.md, by its name: what the read side serves and the schedules run. */
public final class FarmQueries {

    private static final List<FarmQuery<?, ?>> ALL = List.of(new HerdRegister(), new AnimalsAt(), new TbTestsDue(),
            new TractorsServiceDue(), new AnimalHistory(), new MilkYield(), new LoanCollateral(), new FarmSummary());

    private FarmQueries() {
    }

    public static List<FarmQuery<?, ?>> all() {
        return ALL;
    }

    public static Optional<FarmQuery<?, ?>> named(String name) {
        return ALL.stream().filter(q -> q.name().equals(name)).findFirst();
    }
}
