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
import org.namdrunner.core.store.JobSummary;
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
        List<JobSummary> jobs = jobs(JOBS);
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

    /**
     * Benchmark for docs/benchmarks.md: fill, reload and refresh (relabel) of the Jobs table with 10,000 jobs against a
     * plain virtual SWT {@link org.eclipse.swt.widgets.Table} given the same rows' strings ready-made, in the same
     * run, alternating, median of five rounds each. Asserts only that both hold all 10,000 rows (the plain one with the
     * given strings); no time is asserted.
     */
    @Test
    void tenThousandJobsAgainstAPlainSwtTable() throws Exception {
        List<JobSummary> jobs = jobs(JOBS);
        Instant now = Instant.now();
        String[][] texts = new String[JOBS][];
        JobColumn[] columns = JobColumn.values();
        for (int i = 0; i < JOBS; i++) {
            texts[i] = new String[columns.length];
            for (int c = 0; c < columns.length; c++) {
                texts[i][c] = columns[c].text(jobs.get(i), org.namdrunner.ui.internal.views.RowContext.PLAIN, now);
            }
        }
        int rounds = 5;
        double[][] ours = new double[3][rounds];
        double[][] plain = new double[3][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int side = 0; side < 2; side++) {
                boolean oursFirst = round % 2 == 0;
                if ((side == 0) == oursFirst) {
                    measureOurs(jobs, ours, round);
                } else {
                    measurePlain(texts, columns, plain, round);
                }
            }
        }
        String[] names = { "fill", "reload", "refresh" };
        StringBuilder line = new StringBuilder("namdrunner.table.10k.vsPlainSwt:");
        for (int m = 0; m < 3; m++) {
            line.append(String.format(java.util.Locale.ROOT, " %s=%.1f/%.1f ms", names[m], median(ours[m]), median(plain[m])));
        }
        System.out.println(line.append(" (Jobs table/plain SWT table, median of ").append(rounds).append(')'));
    }

    private void measureOurs(List<JobSummary> jobs, double[][] out, int round) {
        Shell shell = Ui.sync(() -> shell("Jobs table"));
        try {
            JobsTable table = Ui.sync(() -> {
                JobsTable t = new JobsTable(shell);
                shell.open();
                return t;
            });
            out[0][round] = preciseTimeOnUi(() -> {
                table.setJobs(jobs);
                table.viewer().getTable().update();
            });
            out[1][round] = preciseTimeOnUi(() -> {
                table.setJobs(List.copyOf(jobs));
                table.viewer().getTable().update();
            });
            out[2][round] = preciseTimeOnUi(() -> {
                table.repaint();
                table.viewer().getTable().update();
            });
            assertEquals(JOBS, Ui.sync(() -> table.viewer().getTable().getItemCount()));
        } finally {
            Ui.run(shell::dispose);
        }
    }

    private void measurePlain(String[][] texts, JobColumn[] columns, double[][] out, int round) {
        Shell shell = Ui.sync(() -> shell("plain SWT table"));
        try {
            org.eclipse.swt.widgets.Table table = Ui.sync(() -> {
                org.eclipse.swt.widgets.Table t = new org.eclipse.swt.widgets.Table(shell,
                        SWT.VIRTUAL | SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
                t.setHeaderVisible(true);
                for (JobColumn c : columns) {
                    org.eclipse.swt.widgets.TableColumn tc = new org.eclipse.swt.widgets.TableColumn(t, SWT.LEFT);
                    tc.setText(c.title());
                    tc.setWidth(120);
                }
                t.addListener(SWT.SetData, e -> {
                    org.eclipse.swt.widgets.TableItem item = (org.eclipse.swt.widgets.TableItem) e.item;
                    item.setText(texts[t.indexOf(item)]);
                });
                shell.layout();
                shell.open();
                return t;
            });
            out[0][round] = preciseTimeOnUi(() -> {
                table.setItemCount(JOBS);
                table.update();
            });
            out[1][round] = preciseTimeOnUi(() -> {
                table.setItemCount(0);
                table.setItemCount(JOBS);
                table.update();
            });
            out[2][round] = preciseTimeOnUi(() -> {
                table.clearAll();
                table.update();
            });
            assertEquals(JOBS, Ui.sync(table::getItemCount));
            assertEquals(texts[0][0], Ui.sync(() -> table.getItem(0).getText(0)));
        } finally {
            Ui.run(shell::dispose);
        }
    }

    private static Shell shell(String title) {
        Shell s = new Shell(Ui.display(), SWT.SHELL_TRIM);
        s.setText(title);
        s.setLayout(new FillLayout());
        s.setSize(1200, 700);
        return s;
    }

    /** Milliseconds with a fraction: some of these take less than one. */
    private static double preciseTimeOnUi(Runnable r) {
        return Ui.sync(() -> {
            long start = System.nanoTime();
            r.run();
            return (System.nanoTime() - start) / 1e6;
        });
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long timeOnUi(Runnable r) {
        return Ui.sync(() -> {
            long start = System.nanoTime();
            r.run();
            return (System.nanoTime() - start) / 1_000_000;
        });
    }

    static List<JobSummary> jobs(int n) {
        List<JobSummary> out = new ArrayList<>(n);
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
            out.add(JobSummary.of(b.build()));
        }
        return out;
    }
}
