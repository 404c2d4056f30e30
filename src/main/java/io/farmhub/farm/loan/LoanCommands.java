package io.farmhub.farm.loan;

import io.farmhub.core.CommandHandler;
import io.farmhub.core.Decision;
import io.farmhub.core.Rejection;
import io.farmhub.core.StreamStates;
import io.farmhub.farm.loan.LoanCommand.CollateraliseLoan;
import io.farmhub.farm.loan.LoanCommand.ReleaseCollateral;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The loan command handlers. They read cows, fields and tractors through the {@link AssetFacts} they are
 * given, so the loan package needs nothing of an aggregate but its {@code Aggregate} and two extractors.
 */
public final class LoanCommands {

    private LoanCommands() {
    }

    /** Fields and tractors as this package knows them; cattle as the caller describes them. */
    public static List<CommandHandler<?>> handlers(AssetFacts<?> cattle) {
        return handlers(cattle, AssetFacts.FIELDS, AssetFacts.TRACTORS);
    }

    public static List<CommandHandler<?>> handlers(AssetFacts<?> cattle, AssetFacts<?> fields,
            AssetFacts<?> tractors) {
        return List.of(new Collateralise(cattle, fields, tractors), new Release(cattle, fields, tractors));
    }

    /**
     * The assets that may carry {@code loanId}: today every cow, field and tractor with a stream, read one by
     * one. This is the one place a classifier index ({@code pledged(loanId)}) will replace the scan.
     */
    static List<Asset> candidatesFor(String loanId, StreamStates states, AssetFacts<?>... kinds) {
        List<Asset> assets = new ArrayList<>();
        for (AssetFacts<?> kind : kinds) {
            for (String key : states.keys(kind.aggregate())) {
                Asset asset = kind.read(states, key);
                if (asset.pledgedTo().contains(loanId)) {
                    assets.add(asset);
                }
            }
        }
        return assets;
    }

    record Collateralise(AssetFacts<?> cattle, AssetFacts<?> fields, AssetFacts<?> tractors)
            implements CommandHandler<CollateraliseLoan> {

        @Override
        public String commandType() {
            return "CollateraliseLoan";
        }

        @Override
        public Class<CollateraliseLoan> commandClass() {
            return CollateraliseLoan.class;
        }

        @Override
        public CollateraliseLoan normalise(CollateraliseLoan command) {
            return (CollateraliseLoan) LoanDecider.normalise(command);
        }

        @Override
        public List<Rejection> validate(CollateraliseLoan command, LocalDate today) {
            return LoanDecider.validate(command, today);
        }

        @Override
        public Decision decide(CollateraliseLoan command, StreamStates states, LocalDate today) {
            return LoanDecider.decide(command, read(tractors, command.tractors(), states),
                    read(fields, command.fields(), states), read(cattle, command.cattle(), states), today);
        }

        private static List<Asset> read(AssetFacts<?> kind, List<String> keys, StreamStates states) {
            return keys.stream().map(key -> kind.read(states, key)).toList();
        }
    }

    record Release(AssetFacts<?> cattle, AssetFacts<?> fields, AssetFacts<?> tractors)
            implements CommandHandler<ReleaseCollateral> {

        @Override
        public String commandType() {
            return "ReleaseCollateral";
        }

        @Override
        public Class<ReleaseCollateral> commandClass() {
            return ReleaseCollateral.class;
        }

        @Override
        public ReleaseCollateral normalise(ReleaseCollateral command) {
            return (ReleaseCollateral) LoanDecider.normalise(command);
        }

        @Override
        public List<Rejection> validate(ReleaseCollateral command, LocalDate today) {
            return LoanDecider.validate(command, today);
        }

        @Override
        public Decision decide(ReleaseCollateral command, StreamStates states, LocalDate today) {
            return LoanDecider.decide(command, candidatesFor(command.loanId(), states, cattle, fields, tractors),
                    today);
        }
    }
}
