package io.farmhub.projection;

import io.farmhub.farm.barn.BarnSummary;
import io.farmhub.notify.Notification;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Feeds {@code barn-summary}'s occupancy from the cow streams: per cow it keeps which barn she is in
 * ({@link CowInBarn}, in namespace {@value #CHECKPOINTS}, in barn-summary's generation), and when that changes
 * it moves her out of the old barn's summary and into the new one's ({@link BarnSummary#cowMovedOut},
 * {@link BarnSummary#cowMovedIn}). The barns are written first and the checkpoint last: a crash in between
 * repeats the moves, which the barn summary ignores (it remembers each cow's version).
 */
final class BarnOccupancyFollower implements StreamFollower {

    static final String CHECKPOINTS = FarmProjections.BARN_SUMMARY + ".cows";

    private final SnapshotStore store;
    private final ProjectionNotifications notifications;
    private final ProjectionDefinition<CowInBarn> checkpoint = new ProjectionDefinition<>(CHECKPOINTS, "cow",
            CowInBarn.class, CowInBarn::empty, CowInBarn::apply, CowInBarn::version, Facets::none);
    private final RecentStates<CowInBarn> recent = new RecentStates<>(InstanceFollower.RECENT_STATES);

    BarnOccupancyFollower(SnapshotStore store, ProjectionNotifications notifications) {
        this.store = store;
        this.notifications = notifications;
    }

    @Override
    public String projection() {
        return FarmProjections.BARN_SUMMARY;
    }

    @Override
    public String aggregate() {
        return "cow";
    }

    @Override
    public String checkpoints() {
        return CHECKPOINTS;
    }

    ProjectionDefinition<CowInBarn> definition() {
        return checkpoint;
    }

    @Override
    public List<Notification> catchUp(int generation, long version, StreamEvents events) {
        String earTag = events.stream().key();
        List<Notification> out = new ArrayList<>();
        for (int attempt = 1; attempt <= InstanceFollower.MAX_ATTEMPTS; attempt++) {
            // Where this process last saw her, else the stored checkpoint (after a lost race, always the store's).
            RecentStates.Recent<CowInBarn> base = attempt == 1 ? recent.get(generation, earTag) : null;
            if (base == null) {
                base = stored(generation, earTag);
            }
            if (base.version() >= version) {
                return out;
            }
            List<StreamEvents.Stored> unseen = events.after(base.version());
            if (unseen.isEmpty()) {
                return out;
            }
            CowInBarn before = base.state();
            CowInBarn after = before;
            for (StreamEvents.Stored e : unseen) {
                after = CowInBarn.apply(after, e.envelope(), e.event());
            }
            if (!Objects.equals(before.barn(), after.barn())) {
                long cowVersion = after.version();
                if (before.barn() != null) {
                    out.addAll(updateBarn(generation, before.barn(), s -> BarnSummary.cowMovedOut(s, earTag, cowVersion)));
                }
                if (after.barn() != null) {
                    out.addAll(updateBarn(generation, after.barn(), s -> BarnSummary.cowMovedIn(s, earTag, cowVersion)));
                }
            }
            Snapshot next = new Snapshot(CHECKPOINTS, earTag, after.version(), checkpoint.encode(after),
                    java.util.Map.of(), base.etag());
            Optional<Snapshot> written = store.write(generation, next);
            if (written.isPresent()) {
                recent.put(generation, earTag, new RecentStates.Recent<>(after.version(), written.get().etag(), after));
                return out;
            }
            recent.forget(generation, earTag);
        }
        throw new ProjectionStoreException("barn occupancy of cow " + earTag + " lost "
                + InstanceFollower.MAX_ATTEMPTS + " write races in a row; reconciliation will try again", null);
    }

    private RecentStates.Recent<CowInBarn> stored(int generation, String earTag) {
        Optional<Snapshot> cached = store.read(CHECKPOINTS, generation, earTag);
        return cached.map(c -> new RecentStates.Recent<>(c.version(), c.etag(), checkpoint.decode(c.state())))
                .orElseGet(() -> new RecentStates.Recent<>(0L, null, CowInBarn.empty(earTag)));
    }

    private List<Notification> updateBarn(int generation, String barnCode, UnaryOperator<BarnSummary> change) {
        ProjectionDefinition<BarnSummary> barns = FarmProjections.BARNS;
        for (int attempt = 1; attempt <= InstanceFollower.MAX_ATTEMPTS; attempt++) {
            Optional<Snapshot> cached = store.read(barns.name(), generation, barnCode);
            BarnSummary before = cached.map(s -> barns.decode(s.state())).orElseGet(() -> BarnSummary.empty(barnCode));
            BarnSummary after = change.apply(before);
            if (after.equals(before)) {
                return List.of();
            }
            Snapshot next = new Snapshot(barns.name(), barnCode, after.version(), barns.encode(after),
                    barns.facets().apply(after), cached.map(Snapshot::etag).orElse(null));
            if (store.write(generation, next).isPresent()) {
                return List.of(notifications.projectionChanged(barns.name(), barnCode, next.version(), next.state()));
            }
        }
        throw new ProjectionStoreException("barn-summary " + barnCode + " lost " + InstanceFollower.MAX_ATTEMPTS
                + " write races in a row; reconciliation will try again", null);
    }
}
