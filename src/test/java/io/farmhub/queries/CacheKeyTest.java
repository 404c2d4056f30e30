package io.farmhub.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The cache key: SHA-256 of the query's name and its canonical parameters, nothing else. */
class CacheKeyTest {

    static TreeMap<String, String> params(String... pairs) {
        TreeMap<String, String> map = new TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void the_key_is_the_sha_256_of_the_name_and_the_parameters_as_a_query_string() {
        // echo -n 'herd-register?asOf=2026-11-27' | sha256sum
        assertThat(CacheKey.of("herd-register", params("asOf", "2026-11-27")))
                .isEqualTo("df90dd009aee33db4ee0852ae1b44766a827d7f880d7fa1a563304da7f0518f4");
    }

    @Test
    void another_query_another_value_or_another_parameter_is_another_key() {
        String key = CacheKey.of("herd-register", params("asOf", "2026-11-27"));
        assertThat(CacheKey.of("farm-summary", params("asOf", "2026-11-27"))).isNotEqualTo(key);
        assertThat(CacheKey.of("herd-register", params("asOf", "2026-11-26"))).isNotEqualTo(key);
        assertThat(CacheKey.of("herd-register", params("asOf", "2026-11-27", "knownAt", "2026-11-27T00:00:00Z")))
                .isNotEqualTo(key);
    }

    @Test
    void a_value_holding_separators_cannot_pose_as_two_parameters() {
        assertThat(CacheKey.of("loan-collateral", params("loanId", "A&asOf=2026-11-27")))
                .isNotEqualTo(CacheKey.of("loan-collateral", params("loanId", "A", "asOf", "2026-11-27")));
    }
}
