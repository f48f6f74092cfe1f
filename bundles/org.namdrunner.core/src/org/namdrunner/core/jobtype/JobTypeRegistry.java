package org.namdrunner.core.jobtype;

import java.util.List;
import java.util.Optional;

import org.namdrunner.core.model.InvalidInputException;

/** The job types the workbench knows, contributed by plug-ins. */
public interface JobTypeRegistry {

    List<JobType> all();

    Optional<JobType> find(String id);

    /** The job type with this id, or a clear error naming it. */
    default JobType require(String id) {
        return find(id).orElseThrow(() -> new InvalidInputException("jobTypeId",
                "The job type '" + id + "' is not installed. Install the plug-in that provides it."));
    }
}
