package org.namdrunner.core.jobtype;

import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IExtensionRegistry;
import org.namdrunner.core.internal.registry.ExtensionJobTypeRegistry;
import org.namdrunner.core.model.InvalidInputException;

/** The job types the workbench knows, contributed by plug-ins. */
public interface JobTypeRegistry {

    /** The id of the extension point job types are contributed to. */
    String EXTENSION_POINT = ExtensionJobTypeRegistry.POINT;

    /**
     * The job types contributed to {@link #EXTENSION_POINT}; a broken contribution is logged with its plug-in's
     * name and left out.
     */
    static JobTypeRegistry fromExtensions(IExtensionRegistry registry) {
        return new ExtensionJobTypeRegistry(registry);
    }

    List<JobType> all();

    Optional<JobType> find(String id);

    /** The job type with this id, or a clear error naming it. */
    default JobType require(String id) {
        return find(id).orElseThrow(() -> new InvalidInputException("jobTypeId",
                "The job type '" + id + "' is not installed. Install the plug-in that provides it."));
    }
}
