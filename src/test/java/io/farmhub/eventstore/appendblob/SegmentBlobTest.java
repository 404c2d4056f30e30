package io.farmhub.eventstore.appendblob;

import static org.assertj.core.api.Assertions.assertThat;

import io.farmhub.core.StreamId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SegmentBlobTest {

    private final StreamId cow = StreamId.farm("cow", "IE12345670012");

    @Test
    void segment_one_has_the_name_interfaces_md_gives_the_stream_and_later_ones_a_tilde_number() {
        assertThat(SegmentBlob.first(cow).blobName()).isEqualTo("farm/cow/IE12345670012.events");
        assertThat(SegmentBlob.first(cow).next().next().blobName()).isEqualTo("farm/cow/IE12345670012.events~3");
    }

    @Test
    void every_name_parses_back_to_its_own_stream_and_segment() {
        for (StreamId stream : List.of(cow, StreamId.farm("cow", "IE1.events"), StreamId.farm("cow", "x.events.events"),
                StreamId.farm("cow", "x.events-2"), StreamId.farm("cow", "x.events.2"))) {
            for (int n = 1; n <= 12; n++) {
                SegmentBlob segment = new SegmentBlob(stream, n);
                assertThat(SegmentBlob.parse("farm", "cow", segment.blobName())).contains(segment);
            }
        }
    }

    @Test
    void names_that_are_no_segment_of_this_aggregate_are_skipped() {
        assertThat(SegmentBlob.parse("farm", "cow", "farm/cow/IE1.json")).isEmpty();
        assertThat(SegmentBlob.parse("farm", "cow", "farm/cow/IE1.events~1")).isEqualTo(Optional.empty());
        assertThat(SegmentBlob.parse("farm", "cow", "farm/cow/IE1.events~0")).isEmpty();
        assertThat(SegmentBlob.parse("farm", "cow", "farm/cowshed/IE1.events")).isEmpty();
        assertThat(SegmentBlob.parse("farm", "cow", "farm/cow/sub/IE1.events")).isEmpty();
        assertThat(SegmentBlob.parse("farm", "cow", "farm/cow/.events")).isEmpty();
    }
}
