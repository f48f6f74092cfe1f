package org.namdrunner.core.cluster;

import java.util.List;
import java.util.Optional;

/** A fixed list of cluster profiles: for headless use and tests. */
public record ClusterProfileList(List<ClusterProfile> all) implements ClusterProfileRegistry {

    public ClusterProfileList {
        all = List.copyOf(all);
    }

    @Override
    public Optional<ClusterProfile> find(String id) {
        return all.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
