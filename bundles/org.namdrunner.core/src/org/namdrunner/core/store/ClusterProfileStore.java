package org.namdrunner.core.store;

import java.util.List;

import org.namdrunner.core.cluster.ClusterProfile;

/**
 * The cluster profiles a person created or edited, kept with the jobs (table {@code cluster_profiles}).
 * Never holds a secret: passwords and passphrases live in Eclipse secure storage only.
 */
public interface ClusterProfileStore {

    List<ClusterProfile> loadProfiles() throws StoreException;

    /** Inserts or replaces the profile with the same id. */
    void saveProfile(ClusterProfile profile) throws StoreException;

    /** Removes a profile; false if there was none. Jobs that name it keep their rows. */
    boolean deleteProfile(String id) throws StoreException;
}
