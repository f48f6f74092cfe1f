package org.namdrunner.core.cluster;

import java.util.List;
import java.util.Optional;

import org.namdrunner.core.model.InvalidInputException;

/** The cluster profiles a person can use. */
public interface ClusterProfileRegistry {

    List<ClusterProfile> all();

    Optional<ClusterProfile> find(String id);

    /** The profile with this id, or a clear error naming it. */
    default ClusterProfile require(String id) {
        return find(id).orElseThrow(() -> new InvalidInputException("clusterProfileId",
                "There is no cluster profile '" + id + "'. Add it under Preferences > Clusters."));
    }
}
