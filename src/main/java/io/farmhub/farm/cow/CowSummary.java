package io.farmhub.farm.cow;

import io.farmhub.core.EventEnvelope;
import io.farmhub.farm.Location;
import io.farmhub.farm.cow.CowEvent.*;
import io.farmhub.farm.loan.LoanEvent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code cow-summary} projection: one animal at a glance, as of stream {@code version}.
 *
 * <p>Milk is kept as litres per UTC day for the {@value #RECENT_DAYS} days up to the latest milking seen, so
 * "today" and "the last 7 days" can be answered for any {@code asOf} in that window
 * ({@link #litresToday}, {@link #litresLast7Days}); longer ranges are the {@code milk-yield} query's job.
 *
 * @param status             null until the animal is born or purchased
 * @param location           null once she has left the farm
 * @param lastTbTest         the test with the latest {@code testedOn}, whatever its result
 * @param lastClearTbTestOn  the latest CLEAR test, which decides {@code tb-test-due}
 */
public record CowSummary(String earTag, long version, Status status, Location location, Sex sex, String breed,
        LocalDate bornOn, String herdNumber, TbTest lastTbTest, LocalDate lastClearTbTestOn, int inseminations,
        LocalDate lastServedOn, SortedMap<LocalDate, BigDecimal> dailyLitres, SortedSet<String> pledgedTo) {

    public static final int RECENT_DAYS = 31;

    public enum Status { ON_FARM, SOLD, DIED }

    public record TbTest(LocalDate testedOn, TbResult result) {
    }

    public CowSummary {
        dailyLitres = Collections.unmodifiableSortedMap(new TreeMap<>(dailyLitres));
        pledgedTo = Collections.unmodifiableSortedSet(new TreeSet<>(pledgedTo));
    }

    public static CowSummary empty(String earTag) {
        return new CowSummary(earTag, 0, null, null, null, null, null, null, null, null, 0, null, new TreeMap<>(),
                new TreeSet<>());
    }

    /** Folds one envelope of the cow's stream; one it has already seen (version not newer) changes nothing. */
    public static CowSummary apply(CowSummary s, EventEnvelope envelope, Object event) {
        if (envelope.version() <= s.version) {
            return s;
        }
        long v = envelope.version();
        if (event instanceof AnimalBorn b) {
            return new CowSummary(s.earTag, v, Status.ON_FARM, b.location(), b.sex(), b.breed(), b.bornOn(),
                    b.herdNumber(), s.lastTbTest, s.lastClearTbTestOn, s.inseminations, s.lastServedOn,
                    s.dailyLitres, s.pledgedTo);
        } else if (event instanceof AnimalPurchased p) {
            return new CowSummary(s.earTag, v, Status.ON_FARM, p.location(), p.sex(), p.breed(), p.bornOn(),
                    p.herdNumber(), s.lastTbTest, s.lastClearTbTestOn, s.inseminations, s.lastServedOn,
                    s.dailyLitres, s.pledgedTo);
        } else if (event instanceof AnimalSold) {
            return s.leaving(v, Status.SOLD);
        } else if (event instanceof AnimalDied) {
            return s.leaving(v, Status.DIED);
        } else if (event instanceof AnimalRelocated r) {
            return new CowSummary(s.earTag, v, s.status, r.to(), s.sex, s.breed, s.bornOn, s.herdNumber,
                    s.lastTbTest, s.lastClearTbTestOn, s.inseminations, s.lastServedOn, s.dailyLitres, s.pledgedTo);
        } else if (event instanceof AnimalInseminated i) {
            return new CowSummary(s.earTag, v, s.status, s.location, s.sex, s.breed, s.bornOn, s.herdNumber,
                    s.lastTbTest, s.lastClearTbTestOn, s.inseminations + 1, latest(s.lastServedOn, i.servedOn()),
                    s.dailyLitres, s.pledgedTo);
        } else if (event instanceof TBTestRecorded t) {
            return s.tested(v, t);
        } else if (event instanceof MilkRecorded m) {
            return s.milked(v, m);
        } else if (event instanceof LoanEvent.CollateralPledged p) {
            SortedSet<String> loans = new TreeSet<>(s.pledgedTo);
            loans.add(p.loanId());
            return s.pledges(v, loans);
        } else if (event instanceof LoanEvent.CollateralReleased r) {
            SortedSet<String> loans = new TreeSet<>(s.pledgedTo);
            loans.remove(r.loanId());
            return s.pledges(v, loans);
        }
        return s.pledges(v, s.pledgedTo);
    }

    /** Litres milked on {@code asOf} (a UTC day). */
    public BigDecimal litresToday(LocalDate asOf) {
        return dailyLitres.getOrDefault(asOf, BigDecimal.ZERO);
    }

    /** Litres milked in the 7 days ending with {@code asOf}, both ends included. */
    public BigDecimal litresLast7Days(LocalDate asOf) {
        return dailyLitres.subMap(asOf.minusDays(6), asOf.plusDays(1)).values().stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private CowSummary leaving(long v, Status status) {
        return new CowSummary(earTag, v, status, null, sex, breed, bornOn, herdNumber, lastTbTest, lastClearTbTestOn,
                inseminations, lastServedOn, dailyLitres, pledgedTo);
    }

    private CowSummary tested(long v, TBTestRecorded t) {
        // A test entered late does not replace a more recent one; on the same day the later entry wins.
        TbTest last = lastTbTest == null || !t.testedOn().isBefore(lastTbTest.testedOn())
                ? new TbTest(t.testedOn(), t.result())
                : lastTbTest;
        LocalDate lastClear = t.result() == TbResult.CLEAR ? latest(lastClearTbTestOn, t.testedOn()) : lastClearTbTestOn;
        return new CowSummary(earTag, v, status, location, sex, breed, bornOn, herdNumber, last, lastClear,
                inseminations, lastServedOn, dailyLitres, pledgedTo);
    }

    private CowSummary milked(long v, MilkRecorded m) {
        TreeMap<LocalDate, BigDecimal> days = new TreeMap<>(dailyLitres);
        days.merge(m.milkedAt().atOffset(ZoneOffset.UTC).toLocalDate(), m.litres(), BigDecimal::add);
        // Only the recent window is kept, counted back from the latest day seen, so the state stays small.
        days.headMap(days.lastKey().minusDays(RECENT_DAYS - 1)).clear();
        return new CowSummary(earTag, v, status, location, sex, breed, bornOn, herdNumber, lastTbTest,
                lastClearTbTestOn, inseminations, lastServedOn, days, pledgedTo);
    }

    private CowSummary pledges(long v, SortedSet<String> loans) {
        return new CowSummary(earTag, v, status, location, sex, breed, bornOn, herdNumber, lastTbTest,
                lastClearTbTestOn, inseminations, lastServedOn, dailyLitres, loans);
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
