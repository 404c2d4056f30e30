package io.farmhub.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.farmhub.core.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadHashTest {

    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    @Test
    void field_order_white_space_and_number_spelling_do_not_change_the_hash() throws Exception {
        String a = PayloadHash.of("RecordMilking", json("{\"earTag\":\"IE1\",\"litres\":12.50,\"n\":{\"b\":1,\"a\":2}}"));
        String b = PayloadHash.of("RecordMilking", json("{ \"n\": {\"a\": 2, \"b\": 1e0}, \"litres\": 12.5, \"earTag\": \"IE1\" }"));
        assertThat(a).isEqualTo(b).hasSize(64);
    }

    @Test
    void another_value_another_type_or_another_order_in_a_list_changes_it() throws Exception {
        String base = PayloadHash.of("RecordMilking", json("{\"litres\":12.5,\"tags\":[\"a\",\"b\"]}"));
        assertThat(PayloadHash.of("RecordMilking", json("{\"litres\":12.6,\"tags\":[\"a\",\"b\"]}"))).isNotEqualTo(base);
        assertThat(PayloadHash.of("RecordSale", json("{\"litres\":12.5,\"tags\":[\"a\",\"b\"]}"))).isNotEqualTo(base);
        assertThat(PayloadHash.of("RecordMilking", json("{\"litres\":12.5,\"tags\":[\"b\",\"a\"]}"))).isNotEqualTo(base);
        assertThat(PayloadHash.of("RecordMilking", json("{\"litres\":\"12.5\",\"tags\":[\"a\",\"b\"]}"))).isNotEqualTo(base);
    }

    @Test
    void strings_are_quoted_so_they_cannot_imitate_structure() throws Exception {
        assertThat(PayloadHash.canonical(json("{\"a\":\"x\\\",\\\"b\\\":\\\"y\"}")))
                .isEqualTo("{\"a\":\"x\\\",\\\"b\\\":\\\"y\"}");
        assertThat(PayloadHash.of("T", json("{\"a\":\"1\"}"))).isNotEqualTo(PayloadHash.of("T", json("{\"a\":1}")));
        assertThat(PayloadHash.of("T", null)).isEqualTo(PayloadHash.of("T", json("null")));
    }

    @Test
    void whole_numbers_are_written_as_their_decimal_value_is() throws Exception {
        assertThat(PayloadHash.canonical(json("[0,-7,100,12345678901234,123456789012345678901234,1.0,2.50,100.0,1E+3]")))
                .isEqualTo("[0,-7,100,12345678901234,123456789012345678901234,1,2.5,100,1000]");
        for (String whole : List.of("0", "-7", "100", "9223372036854775807", "-9223372036854775808")) {
            assertThat(PayloadHash.canonical(json(whole)))
                    .isEqualTo(json(whole).decimalValue().stripTrailingZeros().toPlainString());
        }
    }
}
