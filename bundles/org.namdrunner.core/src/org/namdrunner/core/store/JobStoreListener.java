package org.namdrunner.core.store;

import java.util.Set;

/**
 * Told after a write has been committed. Called on the writing thread: a UI listener must hand over to its
 * display thread and re-read the store there, never block here.
 */
@FunctionalInterface
public interface JobStoreListener {

    /** @param jobIds the ids of the jobs created, changed or deleted by one committed transaction */
    void jobsChanged(Set<String> jobIds);
}
