package io.farmhub.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class JsonDecimalTest {

    record Reading(BigDecimal engineHours, BigDecimal celsius) {
    }

    @Test
    void decimals_keep_their_written_form_through_a_json_tree() throws Exception {
        Reading reading = new Reading(new BigDecimal("500"), new BigDecimal("29.0"));
        var tree = Json.MAPPER.valueToTree(reading);
        assertThat(Json.MAPPER.writeValueAsString(tree)).isEqualTo("{\"engineHours\":500,\"celsius\":29.0}");
        assertThat(Json.MAPPER.treeToValue(tree, Reading.class)).isEqualTo(reading);
    }
}
