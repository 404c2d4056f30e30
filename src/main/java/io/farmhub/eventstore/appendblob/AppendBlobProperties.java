package io.farmhub.eventstore.appendblob;

import com.azure.storage.blob.specialized.AppendBlobClient;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the append blob event store ({@code farmhub.eventstore.appendblob.*}).
 *
 * @param container            the blob container holding the streams (interfaces.md: {@code eventstreams})
 * @param maxBlocksPerSegment  a stream continues in its next segment blob once the current one holds this many
 *                             append blocks (batches); Azure refuses the 50,001st, and tests set it low
 * @param rememberedStreams    how many streams the store remembers the append position of; an append to a
 *                             forgotten stream costs one read more
 */
@ConfigurationProperties("farmhub.eventstore.appendblob")
public record AppendBlobProperties(
        @DefaultValue(AppendBlobProperties.CONTAINER) String container,
        @DefaultValue("49000") int maxBlocksPerSegment,
        @DefaultValue("10000") int rememberedStreams) {

    public static final String CONTAINER = "eventstreams";

    public AppendBlobProperties {
        if (maxBlocksPerSegment < 1 || maxBlocksPerSegment > AppendBlobClient.MAX_BLOCKS) {
            throw new IllegalArgumentException("farmhub.eventstore.appendblob.max-blocks-per-segment must be between 1 and "
                    + AppendBlobClient.MAX_BLOCKS + " (Azure's limit of blocks per append blob), not " + maxBlocksPerSegment);
        }
        if (rememberedStreams < 1) {
            throw new IllegalArgumentException("farmhub.eventstore.appendblob.remembered-streams must be at least 1");
        }
    }

    public static AppendBlobProperties defaults() {
        return new AppendBlobProperties(CONTAINER, 49_000, 10_000);
    }

    public AppendBlobProperties withContainer(String name) {
        return new AppendBlobProperties(name, maxBlocksPerSegment, rememberedStreams);
    }

    public AppendBlobProperties withMaxBlocksPerSegment(int blocks) {
        return new AppendBlobProperties(container, blocks, rememberedStreams);
    }
}
