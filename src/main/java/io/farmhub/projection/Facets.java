package io.farmhub.projection;

import io.farmhub.farm.cow.CowSummary;
import io.farmhub.farm.tractor.ServiceDue;
import io.farmhub.farm.tractor.TractorSummary;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The classifier facets a cached state carries beside it: small name/value tags from which every classifier
 * set of domain.md is one indexed lookup (SQLite: the {@code facets} table; Azure: blob index tags written in
 * the same request as the snapshot, so a state and its memberships never disagree).
 *
 * <p>The time-dependent classifiers keep the date their answer turns on ({@code tb-clear}: the last CLEAR TB
 * test; {@code last-service}), so "due as of any day" is a range lookup and nothing has to be re-evaluated
 * when the calendar moves on. A missing date is {@link #NEVER}, which sorts before every real one.
 *
 * <p>Names and values keep to the characters Azure allows in blob index tags; a loan id that does not is
 * replaced by a digest of it.
 */
public final class Facets {

    public static final String YES = "yes";
    public static final String NEVER = "0000-00-00";
    public static final String ON_FARM = "on-farm";
    public static final String LOCATION = "location";
    public static final String TB_CLEAR = "tb-clear";
    public static final String REGISTERED = "registered";
    /** Due by engine hours (or never serviced): the part of service-due that does not depend on the date. */
    public static final String SERVICE_HOURS_DUE = "service-hours-due";
    public static final String LAST_SERVICE = "last-service";

    private static final Pattern TAG_SAFE = Pattern.compile("[A-Za-z0-9 +\\-./:=_]{1,100}");

    private Facets() {
    }

    public static Map<String, String> cow(CowSummary s) {
        Map<String, String> facets = new LinkedHashMap<>();
        if (s.status() == CowSummary.Status.ON_FARM) {
            facets.put(ON_FARM, YES);
            if (s.location() != null) {
                facets.put(LOCATION, s.location().toString());
            }
            facets.put(TB_CLEAR, s.lastClearTbTestOn() == null ? NEVER : s.lastClearTbTestOn().toString());
        }
        pledges(facets, s.pledgedTo());
        return facets;
    }

    public static Map<String, String> tractor(TractorSummary s) {
        Map<String, String> facets = new LinkedHashMap<>();
        if (s.registered()) {
            facets.put(REGISTERED, YES);
            // As of the service day itself only the hours can make it due; a never-serviced tractor is due.
            boolean hoursDue = s.lastService() == null || ServiceDue.includes(s, s.lastService().servicedOn());
            facets.put(SERVICE_HOURS_DUE, hoursDue ? YES : "no");
            facets.put(LAST_SERVICE, s.lastService() == null ? NEVER : s.lastService().servicedOn().toString());
        }
        pledges(facets, s.pledgedTo());
        return facets;
    }

    public static Map<String, String> pledgesOnly(Set<String> pledgedTo) {
        Map<String, String> facets = new LinkedHashMap<>();
        pledges(facets, pledgedTo);
        return facets;
    }

    public static Map<String, String> none(Object state) {
        return Map.of();
    }

    /** The facet name that says "pledged to this loan". */
    public static String pledged(String loanId) {
        String name = "pledged:" + loanId;
        return TAG_SAFE.matcher(name).matches() ? name : "pledged:sha256=" + sha256(loanId).substring(0, 40);
    }

    private static void pledges(Map<String, String> facets, Set<String> loans) {
        for (String loan : loans) {
            facets.put(pledged(loan), YES);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
