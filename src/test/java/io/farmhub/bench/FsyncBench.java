package io.farmhub.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code fsync.raw}: a small write and an fsync per operation on the data folder's disk — the physical
 * limit F that every durable append pays at least once. The probe is also used between the rounds of another
 * benchmark, so that a disk whose speed changes from one second to the next (a machine shared with other
 * builds) is compared with itself.
 */
final class FsyncBench implements Measure.Round, AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(128);

    FsyncBench(Path dataDir) throws IOException {
        this.file = dataDir.resolve("fsync.probe");
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    static Figure run(Path dataDir, Report report) throws Exception {
        try (FsyncBench probe = new FsyncBench(dataDir)) {
            return report.add(Figure.of("fsync.raw", Measure.medianRate(5, 1_000, probe), "fsync/s",
                    "the machine's F"));
        }
    }

    @Override
    public void run(int n) throws IOException {
        for (int i = 0; i < n; i++) {
            buffer.clear();
            channel.write(buffer);
            channel.force(false);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
        Files.deleteIfExists(file);
    }
}
