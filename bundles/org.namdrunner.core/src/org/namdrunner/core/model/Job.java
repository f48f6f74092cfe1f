package org.namdrunner.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.namdrunner.core.validation.InputRules;

/**
 * A job as the workbench knows it. Immutable: every change produces a new {@code Job} through
 * {@link #toBuilder()}. Times are UTC instants; optional values are {@code null} inside and
 * {@link Optional} outside.
 */
public final class Job {

    private static final Pattern SLURM_ID = Pattern.compile("\\d{1,12}(_\\d{1,9})?");

    private final String id;
    private final String name;
    private final String jobTypeId;
    private final String clusterProfileId;
    private final JobStatus status;
    private final String slurmId;
    private final String slurmState;
    private final String slurmReason;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final Instant submittedAt;
    private final Instant startedAt;
    private final Instant completedAt;
    private final String projectDir;
    private final String scratchDir;
    private final Resources resources;
    private final String typeParameters;
    private final List<String> inputFiles;
    private final List<String> outputFiles;
    private final ErrorInfo error;
    private final Instant missingSince;
    private final JobUsage usage;
    private final ChainLink chain;
    private final ReplicaLink replica;

    private Job(Builder b) {
        this.id = InputRules.checkJobId(b.id);
        this.name = InputRules.checkJobName(b.name);
        this.jobTypeId = requireText(b.jobTypeId, "jobTypeId", "job type");
        this.clusterProfileId = requireText(b.clusterProfileId, "clusterProfileId", "cluster profile");
        this.status = Objects.requireNonNull(b.status, "status");
        this.slurmId = emptyToNull(b.slurmId);
        this.slurmState = emptyToNull(b.slurmState);
        this.slurmReason = emptyToNull(b.slurmReason);
        this.createdAt = Objects.requireNonNull(b.createdAt, "createdAt");
        this.updatedAt = b.updatedAt == null ? b.createdAt : b.updatedAt;
        this.submittedAt = b.submittedAt;
        this.startedAt = b.startedAt;
        this.completedAt = b.completedAt;
        this.projectDir = emptyToNull(b.projectDir);
        this.scratchDir = emptyToNull(b.scratchDir);
        this.resources = Objects.requireNonNull(b.resources, "resources");
        this.typeParameters = b.typeParameters == null || b.typeParameters.isBlank() ? "{}" : b.typeParameters;
        this.inputFiles = List.copyOf(b.inputFiles);
        this.outputFiles = List.copyOf(b.outputFiles);
        this.inputFiles.forEach(InputRules::checkRelativePath);
        this.outputFiles.forEach(InputRules::checkRelativePath);
        this.error = b.error;
        this.missingSince = b.missingSince;
        this.usage = b.usage;
        this.chain = b.chain;
        this.replica = b.replica;
        if (slurmId != null && !SLURM_ID.matcher(slurmId).matches()) {
            throw new InvalidInputException("slurmId", "'" + InputRules.printable(slurmId) + "' is not a SLURM job id.");
        }
    }

    private static String requireText(String value, String field, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "The " + what + " is missing.");
        }
        return value;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public String id() { return id; }
    public String name() { return name; }
    public String jobTypeId() { return jobTypeId; }
    public String clusterProfileId() { return clusterProfileId; }
    public JobStatus status() { return status; }
    public Optional<String> slurmId() { return Optional.ofNullable(slurmId); }
    /** The scheduler's own word for the state, e.g. {@code CANCELLED by 1001}, kept as reported. */
    public Optional<String> slurmState() { return Optional.ofNullable(slurmState); }
    /** The scheduler's reason, e.g. {@code Priority} for a pending job. */
    public Optional<String> slurmReason() { return Optional.ofNullable(slurmReason); }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public Optional<Instant> submittedAt() { return Optional.ofNullable(submittedAt); }
    public Optional<Instant> startedAt() { return Optional.ofNullable(startedAt); }
    public Optional<Instant> completedAt() { return Optional.ofNullable(completedAt); }
    public Optional<String> projectDir() { return Optional.ofNullable(projectDir); }
    public Optional<String> scratchDir() { return Optional.ofNullable(scratchDir); }
    public Resources resources() { return resources; }
    /** The job type's parameters as a JSON object text. */
    public String typeParameters() { return typeParameters; }
    /** Input files relative to the job's folder. */
    public List<String> inputFiles() { return inputFiles; }
    /** Result files relative to the job's folder, known once the job finished. */
    public List<String> outputFiles() { return outputFiles; }
    public Optional<ErrorInfo> error() { return Optional.ofNullable(error); }
    /** Since when the scheduler has not reported this job (neither squeue nor sacct), if it is missing. */
    public Optional<Instant> missingSince() { return Optional.ofNullable(missingSince); }
    /** What the finished job used of what it asked for, from SLURM's accounting; empty until a sync read it. */
    public Optional<JobUsage> usage() { return Optional.ofNullable(usage); }
    /** The job's place in a chain of stages, if it is one. */
    public Optional<ChainLink> chain() { return Optional.ofNullable(chain); }
    /** The job's place in a set of replicas, if it is one. */
    public Optional<ReplicaLink> replica() { return Optional.ofNullable(replica); }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Job j)) {
            return false;
        }
        return id.equals(j.id) && name.equals(j.name) && jobTypeId.equals(j.jobTypeId)
                && clusterProfileId.equals(j.clusterProfileId) && status == j.status
                && Objects.equals(slurmId, j.slurmId) && Objects.equals(slurmState, j.slurmState)
                && Objects.equals(slurmReason, j.slurmReason) && createdAt.equals(j.createdAt)
                && updatedAt.equals(j.updatedAt) && Objects.equals(submittedAt, j.submittedAt)
                && Objects.equals(startedAt, j.startedAt) && Objects.equals(completedAt, j.completedAt)
                && Objects.equals(projectDir, j.projectDir) && Objects.equals(scratchDir, j.scratchDir)
                && resources.equals(j.resources) && typeParameters.equals(j.typeParameters)
                && inputFiles.equals(j.inputFiles) && outputFiles.equals(j.outputFiles)
                && Objects.equals(error, j.error) && Objects.equals(missingSince, j.missingSince)
                && Objects.equals(usage, j.usage)
                && Objects.equals(chain, j.chain) && Objects.equals(replica, j.replica);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, status, updatedAt);
    }

    @Override
    public String toString() {
        return "Job[" + id + " '" + name + "' " + status + (slurmId == null ? "" : " slurm=" + slurmId) + "]";
    }

    /** Collects the values of a {@link Job}; {@link #build()} checks them. */
    public static final class Builder {
        private String id;
        private String name;
        private String jobTypeId;
        private String clusterProfileId;
        private JobStatus status = JobStatus.CREATED;
        private String slurmId;
        private String slurmState;
        private String slurmReason;
        private Instant createdAt;
        private Instant updatedAt;
        private Instant submittedAt;
        private Instant startedAt;
        private Instant completedAt;
        private String projectDir;
        private String scratchDir;
        private Resources resources = Resources.minimal();
        private String typeParameters = "{}";
        private List<String> inputFiles = List.of();
        private List<String> outputFiles = List.of();
        private ErrorInfo error;
        private Instant missingSince;
        private JobUsage usage;
        private ChainLink chain;
        private ReplicaLink replica;

        private Builder() {
        }

        private Builder(Job j) {
            id = j.id;
            name = j.name;
            jobTypeId = j.jobTypeId;
            clusterProfileId = j.clusterProfileId;
            status = j.status;
            slurmId = j.slurmId;
            slurmState = j.slurmState;
            slurmReason = j.slurmReason;
            createdAt = j.createdAt;
            updatedAt = j.updatedAt;
            submittedAt = j.submittedAt;
            startedAt = j.startedAt;
            completedAt = j.completedAt;
            projectDir = j.projectDir;
            scratchDir = j.scratchDir;
            resources = j.resources;
            typeParameters = j.typeParameters;
            inputFiles = j.inputFiles;
            outputFiles = j.outputFiles;
            error = j.error;
            missingSince = j.missingSince;
            usage = j.usage;
            chain = j.chain;
            replica = j.replica;
        }

        public Builder id(String v) { id = v; return this; }
        public Builder name(String v) { name = v; return this; }
        public Builder jobTypeId(String v) { jobTypeId = v; return this; }
        public Builder clusterProfileId(String v) { clusterProfileId = v; return this; }
        public Builder status(JobStatus v) { status = v; return this; }
        public Builder slurmId(String v) { slurmId = v; return this; }
        public Builder slurmState(String v) { slurmState = v; return this; }
        public Builder slurmReason(String v) { slurmReason = v; return this; }
        public Builder createdAt(Instant v) { createdAt = v; return this; }
        public Builder updatedAt(Instant v) { updatedAt = v; return this; }
        public Builder submittedAt(Instant v) { submittedAt = v; return this; }
        public Builder startedAt(Instant v) { startedAt = v; return this; }
        public Builder completedAt(Instant v) { completedAt = v; return this; }
        public Builder projectDir(String v) { projectDir = v; return this; }
        public Builder scratchDir(String v) { scratchDir = v; return this; }
        public Builder resources(Resources v) { resources = v; return this; }
        public Builder typeParameters(String v) { typeParameters = v; return this; }
        public Builder inputFiles(List<String> v) { inputFiles = v; return this; }
        public Builder outputFiles(List<String> v) { outputFiles = v; return this; }
        public Builder error(ErrorInfo v) { error = v; return this; }
        public Builder missingSince(Instant v) { missingSince = v; return this; }
        public Builder usage(JobUsage v) { usage = v; return this; }
        public Builder chain(ChainLink v) { chain = v; return this; }
        public Builder replica(ReplicaLink v) { replica = v; return this; }

        public Job build() {
            return new Job(this);
        }
    }
}
