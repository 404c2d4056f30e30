package io.farmhub.farm.loan;

import io.farmhub.core.StreamId;
import java.util.Set;

/**
 * What the loan decider needs to know about one cow, field or tractor, read from its stream: the loan
 * decider stays independent of how each aggregate models its lifecycle.
 *
 * @param exists    the asset can be pledged: a cow on the farm, a registered field or tractor
 * @param pledgedTo the loan ids it is pledged to now
 */
public record Asset(StreamId stream, long version, boolean exists, Set<String> pledgedTo) {

    public Asset {
        pledgedTo = Pledges.sorted(pledgedTo);
    }

    public String key() {
        return stream.key();
    }
}
