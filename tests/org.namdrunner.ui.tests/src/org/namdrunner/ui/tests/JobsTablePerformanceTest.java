package org.namdrunner.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.MemorySize;
import org.namdrunner.core.model.Resources;
import org.namdrunner.ui.internal.views.JobColumn;
import org.namdrunner.ui.internal.views.JobQuery;
import org.namdrunner.ui.internal.views.JobsTable;

/**
 * The Jobs table with 10,000 jobs: how long it takes to fill, re-sort, filter and refresh, printed for the
 * record (no time limit is asserted; the numbers go into docs/benchmarks).
 */
class JobsTablePerformanceTest {

    static final int JOBS = 10_000;

    @Test
    void tenThousandJobsFillSortFilterAndRefresh() throws Exception {
        List<Job> jobs = jobs(JOBS);
        Shell shell = Ui.sync(() -> {
            Shell s = new Shell(Ui.display(), SWT.SHELL_TRIM);
            s.setText("10,000 jobs");
            s.setLayout(new FillLayout());
            s.setSize(1200, 700);
            return s;
        });
        try {
            JobsTable table = Ui.sync(() -> {
                JobsTable t = new JobsTable(shell);
                shell.open();
                return t;
            });
            long fill = timeOnUi(() -> {
                table.setJobs(jobs);
                table.viewer().getTable().update();
            });
            assertEquals(JOBS, Ui.sync(() -> table.viewer().getTable().getItemCount()));
            long sort = timeOnUi(() -> {
                table.rows().sortBy(JobColumn.NAME);
                table.refreshRows();
                table.viewer().getTable().update();
            });
            long filter = timeOnUi(() -> {
                table.setQuery(new JobQuery(JobQuery.StatusGroup.ACTIVE, null, "run-1"));
                table.viewer().getTable().update();
            });
            long filterRows = timeOnUi(() -> table.rows().recompute(org.namdrunner.ui.internal.views.RowContext.PLAIN, Instant.now()));
            int shown = Ui.sync(() -> table.rows().visible().size());
            assertTrue(shown > 0 && shown < JOBS, "the filter narrows the rows: " + shown);
            long clear = timeOnUi(() -> {
                table.setQuery(JobQuery.all());
                table.viewer().getTable().update();
            });
            long reload = timeOnUi(() -> {
                table.setJobs(jobs(JOBS));
                table.viewer().getTable().update();
            });
            long repaint = timeOnUi(() -> {
                table.repaint();
                table.viewer().getTable().update();
            });
            long scroll = timeOnUi(() -> {
                table.viewer().getTable().setTopIndex(JOBS - 40);
                table.viewer().getTable().update();
            });
            System.out.printf("namdrunner.table.10k: fill=%d ms, sort=%d ms, filter=%d ms (of which filtering the rows %d ms), "
                    + "clearFilter=%d ms, reload=%d ms, repaint=%d ms, scrollToEnd=%d ms%n", fill, sort, filter, filterRows, clear, reload,
                    repaint, scroll);
            Screenshots.capture(shell, "jobs-table-10000");
        } finally {
            Ui.run(shell::dispose);
        }
    }

    private static long timeOnUi(Runnable r) {
        return Ui.sync(() -> {
            long start = System.nanoTime();
            r.run();
            return (System.nanoTime() - start) / 1_000_000;
        });
    }

    static List<Job> jobs(int n) {
        List<Job> out = new ArrayList<>(n);
        JobStatus[] statuses = JobStatus.values();
        Instant base = Instant.now().minus(Duration.ofDays(30));
        for (int i = 0; i < n; i++) {
            JobStatus s = statuses[i % statuses.length];
            Instant created = base.plusSeconds(i * 60L);
            Job.Builder b = Job.builder().id(String.format("job_%06d", i)).name("run-" + i).jobTypeId("namd")
                    .clusterProfileId(i % 3 == 0 ? "alpine" : "generic-slurm").status(s).createdAt(created)
                    .resources(new Resources(1 + i % 64, MemorySize.gigabytes(1 + i % 8), Duration.ofHours(1 + i % 24), "", "", "", 0, ""));
            if (s != JobStatus.CREATED) {
                b.slurmId(Integer.toString(100_000 + i)).submittedAt(created.plusSeconds(5));
            }
            if (s == JobStatus.RUNNING || s.isTerminal()) {
                b.startedAt(created.plusSeconds(30));
            }
            if (s.isTerminal()) {
                b.completedAt(created.plusSeconds(3600));
            }
            out.add(b.build());
        }
        return out;
    }
}
