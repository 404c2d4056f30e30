package io.farmhub.projection;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A real snapshot store with one race staged on it: right before the first conditional write of one instance,
 * another writer runs (and moves the instance on), so that write carries a stale ETag and must lose.
 */
final class RacingSnapshotStore implements SnapshotStore {

    private final SnapshotStore real;
    private final String projection;
    private final String key;
    private Runnable otherWriter;
    private int lost;
    private int reads;

    RacingSnapshotStore(SnapshotStore real, String projection, String key, Runnable otherWriter) {
        this.real = real;
        this.projection = projection;
        this.key = key;
        this.otherWriter = otherWriter;
    }

    int lostWrites() {
        return lost;
    }

    /** How often the staged instance was read. */
    int reads() {
        return reads;
    }

    @Override
    public Optional<Snapshot> write(int generation, Snapshot snapshot) {
        if (otherWriter != null && snapshot.projection().equals(projection) && snapshot.key().equals(key)) {
            Runnable other = otherWriter;
            otherWriter = null;
            other.run();
        }
        Optional<Snapshot> written = real.write(generation, snapshot);
        if (written.isEmpty()) {
            lost++;
        }
        return written;
    }

    @Override
    public Optional<Snapshot> read(String p, int generation, String k) {
        if (p.equals(projection) && k.equals(key)) {
            reads++;
        }
        return real.read(p, generation, k);
    }

    @Override
    public void writeAll(int generation, List<Snapshot> snapshots) {
        real.writeAll(generation, snapshots);
    }

    @Override
    public Map<String, Long> versions(String p, int generation) {
        return real.versions(p, generation);
    }

    @Override
    public Set<String> find(int generation, FacetQuery query) {
        return real.find(generation, query);
    }

    @Override
    public int currentGeneration(String p) {
        return real.currentGeneration(p);
    }

    @Override
    public int newGeneration(String p) {
        return real.newGeneration(p);
    }

    @Override
    public void switchTo(String p, int generation) {
        real.switchTo(p, generation);
    }

    @Override
    public void drop(String p, int generation) {
        real.drop(p, generation);
    }

    @Override
    public String kind() {
        return real.kind();
    }
}
