package org.namdrunner.core.jobtype;

import java.util.List;
import java.util.Optional;

/** A fixed list of job types: for headless use and tests, where no extension registry is read. */
public record JobTypeList(List<JobType> all) implements JobTypeRegistry {

    public JobTypeList {
        all = List.copyOf(all);
    }

    @Override
    public Optional<JobType> find(String id) {
        return all.stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
