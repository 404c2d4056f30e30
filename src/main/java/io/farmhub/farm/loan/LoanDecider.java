package io.farmhub.farm.loan;

import static io.farmhub.farm.StatelessChecks.trimmed;

import io.farmhub.core.Decision;
import io.farmhub.core.ErrorCode;
import io.farmhub.core.Rejection;
import io.farmhub.core.StreamChange;
import io.farmhub.core.StreamId;
import io.farmhub.core.Versioned;
import io.farmhub.farm.Identities;
import io.farmhub.farm.StatelessChecks;
import io.farmhub.farm.loan.LoanCommand.CollateraliseLoan;
import io.farmhub.farm.loan.LoanCommand.ReleaseCollateral;
import io.farmhub.farm.loan.LoanEvent.CollateralPledged;
import io.farmhub.farm.loan.LoanEvent.CollateralReleased;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The loan rules (domain.md) as pure functions over per-asset facts ({@link Asset}), read by the handler.
 * CollateraliseLoan is all or nothing and lists every failing asset; an asset already pledged to any loan,
 * this one included, is ALREADY_PLEDGED (a loan's collateral is pledged once, in one command).
 */
public final class LoanDecider {

    private LoanDecider() {
    }

    public static LoanCommand normalise(LoanCommand command) {
        return command.match(new LoanCommand.Cases<LoanCommand>() {
            @Override
            public LoanCommand collateraliseLoan(CollateraliseLoan c) {
                return new CollateraliseLoan(trimmed(c.loanId()), trimmed(c.lender()), c.pledgedOn(),
                        map(c.tractors(), Identities::chassisNumber), map(c.fields(), Identities::slug),
                        map(c.cattle(), Identities::earTag));
            }

            @Override
            public LoanCommand releaseCollateral(ReleaseCollateral c) {
                return new ReleaseCollateral(trimmed(c.loanId()), c.releasedOn());
            }
        });
    }

    public static List<Rejection> validate(LoanCommand command, LocalDate today) {
        StatelessChecks checks = new StatelessChecks();
        checks.text("loanId", command.loanId(), "loan id");
        if (command instanceof CollateraliseLoan c) {
            checks.text("lender", c.lender(), "lender");
            checks.pastDate("pledgedOn", c.pledgedOn(), today, "pledge date");
            checks.check(!c.tractors().isEmpty() || !c.fields().isEmpty() || !c.cattle().isEmpty(),
                    ErrorCode.MALFORMED, "tractors",
                    () -> "List at least one tractor, field or animal to pledge for loan " + c.loanId() + ".");
            keys(checks, "tractors", c.tractors(), Identities::isChassisNumber, "chassis number");
            keys(checks, "fields", c.fields(), Identities::isSlug, "field code");
            keys(checks, "cattle", c.cattle(), Identities::isEarTag, "ear tag");
        } else if (command instanceof ReleaseCollateral c) {
            checks.pastDate("releasedOn", c.releasedOn(), today, "release date");
        }
        return checks.rejections();
    }

    /**
     * The loan's one decision over its commands; assumes {@link #validate} passed (the pipeline's validate step).
     *
     * @param none  a loan has no stream of its own (always null)
     * @param facts the assets, read by the handler with their versions
     */
    public static Decision decide(LoanCommand command, Versioned<Void> none, LoanFacts facts) {
        return command.match(new LoanCommand.Cases<>() {
            @Override
            public Decision collateraliseLoan(CollateraliseLoan c) {
                return pledge(c, facts.tractors(), facts.fields(), facts.cattle());
            }

            /**
             * Only the assets that carry the loan are released, and only they are read: an asset that does not
             * carry it decides nothing, and one pledged to it meanwhile is as if pledged after this release
             * (docs/domain.md, "Which stream guards each rule").
             */
            @Override
            public Decision releaseCollateral(ReleaseCollateral c) {
                List<Asset> pledged = facts.pledged().stream().filter(a -> a.pledgedTo().contains(c.loanId()))
                        .toList();
                if (pledged.isEmpty()) {
                    return Decision.rejected(Rejection.of(ErrorCode.UNKNOWN_LOAN, "loanId", "No cow, field or "
                            + "tractor is pledged to loan " + c.loanId() + "; check the loan id."));
                }
                return accepted(pledged, new CollateralReleased(c.loanId(), c.releasedOn()));
            }
        });
    }

    private static Decision pledge(CollateraliseLoan command, List<Asset> tractors, List<Asset> fields,
            List<Asset> cattle) {
        if (tractors.size() != command.tractors().size() || fields.size() != command.fields().size()
                || cattle.size() != command.cattle().size()) {
            throw new IllegalArgumentException("the asset facts must match the command's lists one to one");
        }
        List<Rejection> failures = new ArrayList<>();
        Map<StreamId, Asset> listed = new LinkedHashMap<>();
        check("tractors", tractors, ErrorCode.UNKNOWN_TRACTOR, key -> "Tractor " + key, "is not registered",
                failures, listed);
        check("fields", fields, ErrorCode.UNKNOWN_LOCATION, key -> "Field " + key, "is not registered",
                failures, listed);
        check("cattle", cattle, ErrorCode.ANIMAL_NOT_ON_FARM, key -> key, "is not on the farm", failures, listed);
        if (!failures.isEmpty()) {
            return Decision.rejected(failures);
        }
        return accepted(listed.values(), new CollateralPledged(command.loanId(), command.lender(),
                command.pledgedOn()));
    }

    private static void check(String list, List<Asset> assets, ErrorCode missing, Function<String, String> name,
            String missingPhrase, List<Rejection> failures, Map<StreamId, Asset> listed) {
        for (int i = 0; i < assets.size(); i++) {
            Asset asset = assets.get(i);
            String field = list + "[" + i + "]";
            if (listed.containsKey(asset.stream())) {
                continue; // listed twice: judged and pledged once
            }
            if (!asset.exists()) {
                failures.add(Rejection.of(missing, field,
                        name.apply(asset.key()) + " " + missingPhrase + ", so it cannot be pledged."));
            } else if (!asset.pledgedTo().isEmpty()) {
                failures.add(Rejection.of(ErrorCode.ALREADY_PLEDGED, field, name.apply(asset.key())
                        + " is already pledged to loan " + String.join(", ", asset.pledgedTo())
                        + "; release it from that loan first."));
            }
            listed.put(asset.stream(), asset);
        }
    }

    /** The event on every asset, each appended at (and read at) the version it was read at. */
    private static Decision accepted(Iterable<Asset> assets, LoanEvent event) {
        List<StreamChange> changes = new ArrayList<>();
        Map<StreamId, Long> reads = new LinkedHashMap<>();
        for (Asset a : assets) {
            changes.add(new StreamChange(a.stream(), a.version(), List.of(event)));
            reads.put(a.stream(), a.version());
        }
        return new Decision.Accepted(changes, reads);
    }

    private static void keys(StatelessChecks checks, String list, List<String> keys, Predicate<String> normalForm,
            String what) {
        for (int i = 0; i < keys.size(); i++) {
            checks.key(list + "[" + i + "]", keys.get(i), normalForm, what);
        }
    }

    private static List<String> map(List<String> keys, Function<String, String> normalise) {
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            out.add(normalise.apply(key));
        }
        return out;
    }
}
