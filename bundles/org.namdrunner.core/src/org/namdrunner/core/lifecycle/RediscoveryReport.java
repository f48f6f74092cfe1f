package org.namdrunner.core.lifecycle;

import java.util.List;

/**
 * What a rediscovery found.
 *
 * @param imported ids of jobs added to the store
 * @param known    ids the store already had
 * @param rejected job_info.json files that could not be read, with the reason
 * @param sync     the sync that followed, or null when nothing was imported
 */
public record RediscoveryReport(List<String> imported, List<String> known, List<String> rejected, SyncReport sync) {

    public RediscoveryReport {
        imported = List.copyOf(imported);
        known = List.copyOf(known);
        rejected = List.copyOf(rejected);
    }
}
