package org.namdrunner.core.cluster;

import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IExtensionRegistry;
import org.namdrunner.core.internal.registry.ExtensionClusterProfiles;
import org.namdrunner.core.model.InvalidInputException;

/** The cluster profiles a person can use. */
public interface ClusterProfileRegistry {

    /**
     * The built-in profiles contributed to {@code org.namdrunner.core.clusterProfiles}, with {@code {user}}
     * replaced by {@code user}; a broken contribution is logged with its plug-in's name and left out.
     */
    static ClusterProfileRegistry fromExtensions(IExtensionRegistry registry, String user) {
        return new ExtensionClusterProfiles(registry, user);
    }

    List<ClusterProfile> all();

    Optional<ClusterProfile> find(String id);

    /** The profile with this id, or a clear error naming it. */
    default ClusterProfile require(String id) {
        return find(id).orElseThrow(() -> new InvalidInputException("clusterProfileId",
                "There is no cluster profile '" + id + "'. Add it under Preferences > Clusters."));
    }
}
