package io.farmhub.farm.cow;

import io.farmhub.farm.Identities;
import io.farmhub.farm.Location;
import io.farmhub.farm.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The cow commands of domain.md, with its payload names. A field domain.md marks with {@code ?} is optional;
 * every other one is required (a missing one is {@code MALFORMED}, see {@link CowDecider#validate}).
 */
public sealed interface CowCommand {

    /** The same command with every ear tag in normal form ({@code IE1234567 0012} → {@code IE12345670012}). */
    CowCommand normalised();

    /** The exhaustive switch over the cow commands (Java 17 has no pattern switch): one case each. */
    <R> R match(Cases<R> cases);

    interface Cases<R> {
        R registerBirth(RegisterBirth c);

        R recordPurchase(RecordPurchase c);

        R recordSale(RecordSale c);

        R recordDeath(RecordDeath c);

        R relocateAnimal(RelocateAnimal c);

        R recordAIVisit(RecordAIVisit c);

        R recordTBInspection(RecordTBInspection c);

        R recordMilking(RecordMilking c);
    }

    record RegisterBirth(String earTag, String herdNumber, Sex sex, String breed, LocalDate bornOn,
            String damEarTag, Location location) implements CowCommand {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.registerBirth(this);
        }

        @Override
        public RegisterBirth normalised() {
            return new RegisterBirth(Identities.earTag(earTag), herdNumber, sex, breed, bornOn,
                    Identities.earTag(damEarTag), location);
        }
    }

    record RecordPurchase(String earTag, String herdNumber, Sex sex, String breed, LocalDate bornOn,
            LocalDate purchasedOn, String seller, Money price, Location location) implements CowCommand {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.recordPurchase(this);
        }

        @Override
        public RecordPurchase normalised() {
            return new RecordPurchase(Identities.earTag(earTag), herdNumber, sex, breed, bornOn, purchasedOn,
                    seller, price, location);
        }
    }

    record RecordSale(String earTag, LocalDate soldOn, String buyer, Money price) implements CowCommand {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.recordSale(this);
        }

        @Override
        public RecordSale normalised() {
            return new RecordSale(Identities.earTag(earTag), soldOn, buyer, price);
        }
    }

    record RecordDeath(String earTag, LocalDate diedOn, String cause) implements CowCommand {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.recordDeath(this);
        }

        @Override
        public RecordDeath normalised() {
            return new RecordDeath(Identities.earTag(earTag), diedOn, cause);
        }
    }

    record RelocateAnimal(String earTag, Location to, LocalDate movedOn) implements CowCommand {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.relocateAnimal(this);
        }

        @Override
        public RelocateAnimal normalised() {
            return new RelocateAnimal(Identities.earTag(earTag), to, movedOn);
        }
    }

    record RecordAIVisit(String earTag, LocalDate servedOn, String technician, String sireCode)
            implements CowCommand {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.recordAIVisit(this);
        }

        @Override
        public RecordAIVisit normalised() {
            return new RecordAIVisit(Identities.earTag(earTag), servedOn, technician, sireCode);
        }
    }

    /** One vet visit testing a known group of cattle: all results are recorded, or none. */
    record RecordTBInspection(String inspectionId, LocalDate testedOn, String vet, List<Result> results)
            implements CowCommand {

        /** One animal's line on the TB test sheet. */
        public record Result(String earTag, TbResult result) {
        }

        @Override
        public <R> R match(Cases<R> cases) {
            return cases.recordTBInspection(this);
        }

        @Override
        public RecordTBInspection normalised() {
            List<Result> normal = results == null ? null
                    : results.stream().map(r -> r == null ? null : new Result(Identities.earTag(r.earTag()), r.result()))
                            .toList();
            return new RecordTBInspection(inspectionId, testedOn, vet, normal);
        }
    }

    record RecordMilking(String earTag, Instant milkedAt, BigDecimal litres) implements CowCommand {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.recordMilking(this);
        }

        @Override
        public RecordMilking normalised() {
            return new RecordMilking(Identities.earTag(earTag), milkedAt, litres);
        }
    }
}
