package org.namdrunner.core.store;

import java.util.List;

/**
 * What {@link JobStore#apply} did.
 *
 * @param written  ids of jobs whose rows were written
 * @param unchanged ids whose update matched what was stored (nothing written)
 * @param conflicts ids skipped because their stored status had moved on (another instance got there first)
 *                  or because the job no longer exists
 */
public record BatchResult(List<String> written, List<String> unchanged, List<String> conflicts) {

    public BatchResult {
        written = List.copyOf(written);
        unchanged = List.copyOf(unchanged);
        conflicts = List.copyOf(conflicts);
    }
}
