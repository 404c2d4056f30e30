package io.farmhub.bench;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code fsync.raw}: a small write and an fsync per operation on the data folder's disk — the physical
 * limit F that every durable append pays at least once.
 */
final class FsyncBench {

    private FsyncBench() {
    }

    static Figure run(Path dataDir, Report report) throws Exception {
        Path file = dataDir.resolve("fsync.probe");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.allocate(128);
            double rate = Measure.medianRate(5, 1_000, n -> {
                for (int i = 0; i < n; i++) {
                    buffer.clear();
                    ch.write(buffer);
                    ch.force(false);
                }
            });
            return report.add(Figure.of("fsync.raw", rate, "fsync/s", "the machine's F"));
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
