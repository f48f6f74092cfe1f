package org.namdrunner.ui.tests;

import org.namdrunner.core.model.Job;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.core.store.StoreException;
import org.namdrunner.app.Backend;

/** Leaves the store as a test found it, whatever happened (so every test can check the empty state). */
final class Cleanup {

    private Cleanup() {
    }

    static void deleteJobsNamed(String... names) throws StoreException {
        Backend b = Workbench.backend();
        for (Job j : b.store().list(JobFilter.all())) {
            for (String n : names) {
                if (j.name().equals(n)) {
                    b.store().delete(j.id());
                }
            }
        }
    }

    static void deleteJobsOnCluster(String profileId) throws StoreException {
        Backend b = Workbench.backend();
        for (Job j : b.store().list(JobFilter.all().onCluster(profileId))) {
            b.store().delete(j.id());
        }
    }
}
