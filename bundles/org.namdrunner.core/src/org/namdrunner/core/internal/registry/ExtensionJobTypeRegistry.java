package org.namdrunner.core.internal.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.Status;
import org.namdrunner.core.jobtype.JobType;
import org.namdrunner.core.jobtype.JobTypeRegistry;

/**
 * Reads {@code org.namdrunner.core.jobTypes}. Every contribution is checked on its own: a missing class, a
 * bad or duplicate id, or an exception in the contributor's code is collected into {@link #problems()}
 * (naming the contributing plug-in) and logged, and that contribution is skipped; the rest work.
 */
public final class ExtensionJobTypeRegistry implements JobTypeRegistry {

    public static final String POINT = "org.namdrunner.core.jobTypes";
    private static final String PLUGIN_ID = "org.namdrunner.core";

    private final Map<String, JobType> types = new LinkedHashMap<>();
    private final MultiStatus problems = new MultiStatus(PLUGIN_ID, 0, "Some job types could not be loaded", null);

    public ExtensionJobTypeRegistry(IExtensionRegistry registry) {
        for (IConfigurationElement e : registry.getConfigurationElementsFor(POINT)) {
            if ("jobType".equals(e.getName())) {
                read(e);
            }
        }
        if (!problems.isOK()) {
            ILog.of(ExtensionJobTypeRegistry.class).log(problems);
        }
    }

    private void read(IConfigurationElement e) {
        String contributor = e.getContributor().getName();
        String id = e.getAttribute("id");
        if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
            problem(contributor, "has a job type with an invalid id '" + id + "'", null);
            return;
        }
        if (types.containsKey(id)) {
            problem(contributor, "registers the job type id '" + id + "' that another plug-in already uses; ignored", null);
            return;
        }
        try {
            Object created = e.createExecutableExtension("class");
            if (!(created instanceof JobType type)) {
                problem(contributor, "declares job type '" + id + "' with class " + e.getAttribute("class")
                        + ", which does not implement JobType", null);
                return;
            }
            String reported = type.id();
            if (!id.equals(reported)) {
                problem(contributor, "declares job type '" + id + "' but its class says its id is '" + reported + "'", null);
                return;
            }
            types.put(id, type);
        } catch (CoreException ex) {
            problem(contributor, "declares job type '" + id + "' whose class " + e.getAttribute("class") + " cannot be created: "
                    + ex.getMessage(), ex);
        } catch (RuntimeException | LinkageError ex) {
            problem(contributor, "declares job type '" + id + "' whose code failed: " + ex, ex);
        }
    }

    private void problem(String contributor, String message, Throwable cause) {
        String text = message.endsWith(".") ? message : message + ".";
        problems.add(Status.error("Plug-in " + contributor + " " + text, cause));
    }

    /** What went wrong while reading contributions; OK when nothing did. */
    public IStatus problems() {
        return problems;
    }

    @Override
    public List<JobType> all() {
        return new ArrayList<>(types.values());
    }

    @Override
    public Optional<JobType> find(String id) {
        return Optional.ofNullable(types.get(id));
    }
}
