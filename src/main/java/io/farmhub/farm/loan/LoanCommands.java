package io.farmhub.farm.loan;

import io.farmhub.core.AggregateHandler;
import io.farmhub.core.CommandHandler;
import io.farmhub.core.StreamStates;
import io.farmhub.farm.loan.LoanCommand.CollateraliseLoan;
import io.farmhub.farm.loan.LoanCommand.ReleaseCollateral;
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
        return List.of(
                AggregateHandler.<LoanCommand, CollateraliseLoan, Void, LoanFacts>of("CollateraliseLoan",
                        CollateraliseLoan.class, LoanDecider::normalise, LoanDecider::validate,
                        AggregateHandler.noStream(), (c, none, states, today) -> LoanFacts.pledge(
                                read(tractors, c.tractors(), states), read(fields, c.fields(), states),
                                read(cattle, c.cattle(), states)),
                        LoanDecider::decide),
                AggregateHandler.<LoanCommand, ReleaseCollateral, Void, LoanFacts>of("ReleaseCollateral",
                        ReleaseCollateral.class, LoanDecider::normalise, LoanDecider::validate,
                        AggregateHandler.noStream(), (c, none, states, today) -> LoanFacts.release(
                                candidatesFor(c.loanId(), states, cattle, fields, tractors)),
                        LoanDecider::decide));
    }

    private static List<Asset> read(AssetFacts<?> kind, List<String> keys, StreamStates states) {
        return keys.stream().map(key -> kind.read(states, key)).toList();
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
}
