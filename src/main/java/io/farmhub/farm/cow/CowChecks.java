package io.farmhub.farm.cow;

import io.farmhub.core.ErrorCode;
import io.farmhub.core.Rejection;
import io.farmhub.farm.Identities;
import io.farmhub.farm.Money;
import io.farmhub.farm.cow.CowCommand.RecordAIVisit;
import io.farmhub.farm.cow.CowCommand.RecordDeath;
import io.farmhub.farm.cow.CowCommand.RecordMilking;
import io.farmhub.farm.cow.CowCommand.RecordPurchase;
import io.farmhub.farm.cow.CowCommand.RecordSale;
import io.farmhub.farm.cow.CowCommand.RecordTBInspection;
import io.farmhub.farm.cow.CowCommand.RegisterBirth;
import io.farmhub.farm.cow.CowCommand.RelocateAnimal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks a cow command must pass before any state is read (see {@link CowDecider#validate}): required
 * fields and ear tags in normal form ({@code MALFORMED}), ranges ({@code OUT_OF_RANGE}) and business dates not
 * after today ({@code DATE_IN_FUTURE}: a document records what has happened, so no date of it can be later).
 */
final class CowChecks {

    static final BigDecimal MAX_LITRES = new BigDecimal("80");

    private final LocalDate today;
    private final List<Rejection> found = new ArrayList<>();

    private CowChecks(LocalDate today) {
        this.today = today;
    }

    static List<Rejection> of(CowCommand command, LocalDate today) {
        CowChecks c = new CowChecks(today);
        if (command instanceof RegisterBirth b) {
            c.earTag("earTag", b.earTag()).text("herdNumber", b.herdNumber()).present("sex", b.sex())
                    .text("breed", b.breed()).pastDate("bornOn", b.bornOn()).present("location", b.location());
            if (b.damEarTag() != null) {
                c.earTag("damEarTag", b.damEarTag());
            }
        } else if (command instanceof RecordPurchase p) {
            c.earTag("earTag", p.earTag()).text("herdNumber", p.herdNumber()).present("sex", p.sex())
                    .text("breed", p.breed()).pastDate("bornOn", p.bornOn()).pastDate("purchasedOn", p.purchasedOn())
                    .text("seller", p.seller()).price("price", p.price()).present("location", p.location());
        } else if (command instanceof RecordSale s) {
            c.earTag("earTag", s.earTag()).pastDate("soldOn", s.soldOn()).text("buyer", s.buyer())
                    .price("price", s.price());
        } else if (command instanceof RecordDeath d) {
            c.earTag("earTag", d.earTag()).pastDate("diedOn", d.diedOn()).text("cause", d.cause());
        } else if (command instanceof RelocateAnimal r) {
            c.earTag("earTag", r.earTag()).present("to", r.to()).pastDate("movedOn", r.movedOn());
        } else if (command instanceof RecordAIVisit a) {
            c.earTag("earTag", a.earTag()).pastDate("servedOn", a.servedOn()).text("technician", a.technician())
                    .text("sireCode", a.sireCode());
        } else if (command instanceof RecordTBInspection t) {
            c.text("inspectionId", t.inspectionId()).pastDate("testedOn", t.testedOn()).text("vet", t.vet())
                    .results(t.results());
        } else if (command instanceof RecordMilking m) {
            c.earTag("earTag", m.earTag()).present("milkedAt", m.milkedAt());
            if (m.milkedAt() != null) {
                c.pastDate("milkedAt", m.milkedAt().atOffset(ZoneOffset.UTC).toLocalDate());
            }
            c.litres("litres", m.litres());
        }
        return List.copyOf(c.found);
    }

    private CowChecks present(String field, Object value) {
        if (value == null) {
            malformed(field, field + " is missing; the command needs it.");
        }
        return this;
    }

    private CowChecks text(String field, String value) {
        if (value == null || value.isBlank()) {
            malformed(field, field + " is missing or blank; the command needs it.");
        }
        return this;
    }

    private CowChecks earTag(String field, String value) {
        if (value == null || value.isBlank()) {
            malformed(field, field + " is missing; give the animal's official ear tag, e.g. IE12345670012.");
        } else if (!Identities.isEarTag(value)) {
            malformed(field, "'" + value + "' is not an official ear tag: two letters then 6 to 14 digits,"
                    + " e.g. IE12345670012.");
        }
        return this;
    }

    private CowChecks pastDate(String field, LocalDate date) {
        if (date == null) {
            return present(field, null);
        }
        if (date.isAfter(today)) {
            found.add(Rejection.of(ErrorCode.DATE_IN_FUTURE, field, field + " " + date + " is after today ("
                    + today + "); enter the date it actually happened."));
        }
        return this;
    }

    private CowChecks price(String field, Money price) {
        if (price == null) {
            return present(field, null);
        }
        if (price.amount().signum() < 0) {
            found.add(Rejection.of(ErrorCode.OUT_OF_RANGE, field + ".amount",
                    "A price cannot be negative (" + price.amount().toPlainString() + ")."));
        }
        if (!price.currency().matches("[A-Z]{3}")) {
            malformed(field + ".currency", "'" + price.currency() + "' is not a currency code such as EUR or GBP.");
        }
        return this;
    }

    private CowChecks litres(String field, BigDecimal litres) {
        if (litres == null) {
            return present(field, null);
        }
        if (litres.signum() <= 0 || litres.compareTo(MAX_LITRES) > 0) {
            found.add(Rejection.of(ErrorCode.OUT_OF_RANGE, field, "A milking yields more than 0 and at most "
                    + MAX_LITRES + " litres, not " + litres.toPlainString() + "; check the reading."));
        }
        return this;
    }

    /** Every line needs a tag and a result, and no animal may appear twice (two results would contradict). */
    private CowChecks results(List<RecordTBInspection.Result> results) {
        if (results == null || results.isEmpty()) {
            malformed("results", "results is empty; list every tested animal with its result.");
            return this;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < results.size(); i++) {
            String at = "results[" + i + "]";
            RecordTBInspection.Result r = results.get(i);
            if (r == null) {
                malformed(at, at + " is empty; give an earTag and a result.");
                continue;
            }
            earTag(at + ".earTag", r.earTag());
            present(at + ".result", r.result());
            Integer earlier = r.earTag() == null ? null : seen.putIfAbsent(r.earTag(), i);
            if (earlier != null) {
                malformed(at + ".earTag", r.earTag() + " is listed twice (also at results[" + earlier
                        + "]); give one result per animal.");
            }
        }
        return this;
    }

    private void malformed(String field, String message) {
        found.add(Rejection.of(ErrorCode.MALFORMED, field, message));
    }
}
