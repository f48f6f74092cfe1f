package org.namdrunner.core.jobtype;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Job;

/**
 * A job type whose jobs can run as the stages of a chain (minimization → equilibration → production): each stage
 * starts from files the stage before it left in its working folder, copied on the cluster by the stage's own batch
 * script when it starts; and a finished job can be extended by a new stage that starts from its final files. Pure like
 * {@link JobType}: the workbench makes the folders, copies and submits ({@code JobService.createChain}).
 */
public interface ChainableJobType extends ContinuableJobType {

    /**
     * The files a stage leaves at the top of its working folder for the stage after it (e.g. NAMD's
     * {@code <outputName>.coor/.vel/.xsc}), as plain names.
     */
    List<String> stageOutputs(Job stage, Map<String, String> parameters);

    /**
     * The parameters that make a stage start from the previous stage's {@link #stageOutputs}, which are copied into
     * its {@code input_files/} before it runs; added to (and overriding) the stage's own parameters.
     *
     * @throws InvalidInputException when this stage cannot follow that one (e.g. a minimization after dynamics)
     */
    Map<String, String> stageStart(Job previous, Map<String, String> previousParameters, Map<String, String> stageParameters);

    /**
     * Plans a new stage that runs {@code nanoseconds} more from the final files of a COMPLETED job; like
     * {@link #planContinuation}, with the same {@code texts} ({@link #continuationReads}) and output files.
     *
     * @throws InvalidInputException saying why the job cannot be extended (final files missing, a minimization)
     */
    Continuation planExtension(Job job, Map<String, String> parameters, Map<String, String> texts, Map<String, Instant> outputFiles,
            double nanoseconds);

    /** Parameters whose names start with this choose a protocol ({@link #stages}); they belong to the chain, not its stages. */
    String PROTOCOL_PREFIX = "protocol";

    /**
     * The stages a person's parameters ask for (a protocol chosen in the wizard), or none for a single job. The
     * workbench then creates the chain ({@code JobChains.create}) with the parameters without the
     * {@value #PROTOCOL_PREFIX}… ones, each stage's own added.
     *
     * @throws InvalidInputException naming the protocol value that is not acceptable
     */
    default List<org.namdrunner.core.lifecycle.ChainStage> stages(Map<String, String> parameters) {
        return List.of();
    }
}
