package io.farmhub.projection;

import java.util.List;

/**
 * One indexed lookup: the instances of {@code projection} whose facets meet every condition. A classifier set
 * is the union of one or more of these (the blob tag index has AND but no OR).
 */
public record FacetQuery(String projection, List<Condition> conditions) {

    public enum Op { EQ, LT, GT }

    public record Condition(String facet, Op op, String value) {
    }

    public FacetQuery {
        conditions = List.copyOf(conditions);
    }

    public static Condition eq(String facet, String value) {
        return new Condition(facet, Op.EQ, value);
    }

    public static Condition lt(String facet, String value) {
        return new Condition(facet, Op.LT, value);
    }

    public static Condition gt(String facet, String value) {
        return new Condition(facet, Op.GT, value);
    }
}
