import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.namdrunner.core.model.ErrorInfo;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.MemorySize;
import org.namdrunner.core.model.Resources;
import org.namdrunner.persistence.SqliteJobStore;

/**
 * For ./benchmark.sh: writes a jobs database of N jobs through the store API (the product's own jars on the class
 * path), a lab's years of work: 24 resource presets, 50 molecular systems, three clusters, every status, finished
 * jobs with output files and failures with their error info. Usage: java -cp <product jars> GenerateJobs.java FILE N
 */
public final class GenerateJobs {

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: GenerateJobs <new database file> <number of jobs>");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        if (Files.exists(file)) {
            System.err.println(file + " exists already; give a new file");
            System.exit(2);
        }
        String[] clusters = { "alpine", "blanca", "bridges2" };
        int[] cores = { 8, 16, 24, 32, 48, 64 };
        int[] hours = { 1, 4, 12, 24 };
        JobStatus[] statuses = JobStatus.values();
        Instant t0 = Instant.parse("2025-01-06T09:00:00Z");
        try (SqliteJobStore store = SqliteJobStore.open(file)) {
            for (int i = 0; i < count; i++) {
                String id = String.format("job_%05d", i);
                String system = "input_files/system" + i % 50;
                JobStatus status = statuses[i % statuses.length];
                Instant created = t0.plusSeconds(3_700L * i);
                Job.Builder b = Job.builder().id(id).name("run-" + i + "-system" + i % 50).jobTypeId("namd")
                        .clusterProfileId(clusters[i % 3]).status(status).createdAt(created)
                        .resources(new Resources(cores[i % 6], MemorySize.gigabytes(2L * (1 + i % 8)), Duration.ofHours(hours[i / 6 % 4]),
                                "amilan", "normal", "ucb-general", 0, ""))
                        .typeParameters("{\"runSteps\":\"" + (50_000 + i) + "\",\"temperature\":\"310\",\"timestep\":\"2\"}")
                        .projectDir("/projects/u/namdrunner_jobs/" + id).scratchDir("/scratch/alpine/u/namdrunner_jobs/" + id)
                        .inputFiles(List.of(system + ".psf", system + ".pdb", "input_files/par_all36m_prot.prm"));
                if (status != JobStatus.CREATED) {
                    b.slurmId(Integer.toString(4_000_000 + i)).submittedAt(created.plusSeconds(20));
                }
                if (status == JobStatus.RUNNING || status.isTerminal()) {
                    b.startedAt(created.plusSeconds(600)).slurmState(status.name());
                }
                if (status.isTerminal()) {
                    b.completedAt(created.plusSeconds(3_000)).outputFiles(List.of("outputs/run.dcd", "outputs/run.log",
                            "outputs/slurm_" + (4_000_000 + i) + ".out"));
                }
                if (status.isFailure()) {
                    b.error(new ErrorInfo(status.name(), "The job ended as " + status.name() + "; see the log for the cause.", "1:0",
                            created.plusSeconds(3_000)));
                }
                store.create(b.build());
            }
        }
        System.out.println("wrote " + count + " jobs to " + file);
    }
}
