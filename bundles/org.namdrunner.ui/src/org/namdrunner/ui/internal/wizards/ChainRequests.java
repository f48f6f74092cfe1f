package org.namdrunner.ui.internal.wizards;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.namdrunner.core.jobtype.ChainableJobType;
import org.namdrunner.core.jobtype.JobType;
import org.namdrunner.core.lifecycle.ChainRequest;
import org.namdrunner.core.lifecycle.ChainStage;
import org.namdrunner.core.lifecycle.JobRequest;

/** A wizard's request as a chain when the job type's pages chose a protocol ({@link ChainableJobType#stages}). */
final class ChainRequests {

    private ChainRequests() {
    }

    /** The chain the request asks for, or null for a single job. */
    static ChainRequest of(JobType type, JobRequest request) {
        if (!(type instanceof ChainableJobType chainable)) {
            return null;
        }
        List<ChainStage> stages = chainable.stages(request.parameters());
        if (stages.isEmpty()) {
            return null;
        }
        Map<String, String> shared = new LinkedHashMap<>(request.parameters());
        shared.keySet().removeIf(k -> k.startsWith(ChainableJobType.PROTOCOL_PREFIX));
        return new ChainRequest(request.name(), request.jobTypeId(), request.profileId(), request.resources(), shared,
                request.inputs(), stages);
    }
}
