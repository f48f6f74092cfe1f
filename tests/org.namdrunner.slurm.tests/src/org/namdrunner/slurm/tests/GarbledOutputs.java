package org.namdrunner.slurm.tests;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.namdrunner.slurm.SlurmState;

/**
 * Generates squeue and sacct outputs for the property tests: well-formed rows mixed with truncated, reordered,
 * garbled, huge, empty and unicode lines, sometimes cut off as a whole. Remembers which well-formed rows
 * survived intact, so a test can check that they were read.
 */
final class GarbledOutputs {

    /** A generated output, and the rows in it that are intact: id → raw state. */
    record Generated(String text, Map<String, String> intactRows) {
    }

    private static final String[] REASONS = { "None", "Priority", "Resources", "JobHeldUser", "BeginTime", "TimeLimit",
            "Nodes required for job are DOWN, DRAINED or reserved for jobs in higher priority partitions", "" };
    private static final String[] NO_TIMES = { "Unknown", "None" };
    private static final String[] LIMITS = { "INVALID", "UNLIMITED" };
    private static final String[] GARBAGE = { "slurm_load_jobs error: Socket timed out on send/recv operation",
            "sbatch: error: Batch job submission failed", "JobID|State|ExitCode|Start|End|Elapsed|Reason", "|", "||||||||",
            "\u0000\u0001\u0002", "\u00e9\u4e2d\u2713\ud83d\ude80|\u00e9|\u4e2d", "; rm -rf ~ $(reboot) `id`", "-1|RUNNING",
            "999999999999999999999|RUNNING|None|0:00|1:00|1|1|vm|/x", "17|RUNNING|None|99:99:99:99|-1|1e9|NaN|vm|/x",
            "12.batch", ".batch|FAILED", "1_|PENDING", "\t \t", "17|CANCELLED by|0:0|x|y|z|w" };

    private final Random random;
    private int nextId = 1;

    GarbledOutputs(Random random) {
        this.random = random;
    }

    Generated squeue() {
        return output(this::squeueRow, false);
    }

    Generated sacct() {
        return output(this::sacctRow, true);
    }

    private interface RowMaker {
        String[] fields(String id);
    }

    private Generated output(RowMaker rows, boolean withSteps) {
        if (random.nextInt(50) == 0) {
            return new Generated(random.nextBoolean() ? "" : "\n \n", Map.of());
        }
        Map<String, String> intact = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        int count = random.nextInt(40);
        for (int i = 0; i < count; i++) {
            String id = Integer.toString(nextId++);
            String[] fields = rows.fields(id);
            int kind = random.nextInt(10);
            if (kind < 5) {
                lines.add(String.join("|", fields));
                intact.put(id, fields[1].strip());
                if (withSteps && random.nextInt(3) == 0) {
                    String[] step = fields.clone();
                    step[0] = id + (random.nextBoolean() ? ".batch" : ".extern");
                    lines.add(String.join("|", step));
                }
            } else {
                lines.add(mutated(fields));
            }
        }
        String separator = random.nextInt(5) == 0 ? "\r\n" : "\n";
        String text = String.join(separator, lines) + (random.nextBoolean() ? separator : "");
        if (random.nextInt(8) == 0 && !text.isEmpty()) {
            int cut = random.nextInt(text.length());
            text = text.substring(0, cut);
            intact.clear();
        }
        return new Generated(text, intact);
    }

    private String mutated(String[] fields) {
        switch (random.nextInt(9)) {
            case 0: {
                String line = String.join("|", fields);
                return line.substring(0, random.nextInt(line.length() + 1));
            }
            case 1: {
                List<String> shuffled = new ArrayList<>(Arrays.asList(fields));
                Collections.shuffle(shuffled, random);
                return String.join("|", shuffled);
            }
            case 2:
                return String.join("|", Arrays.copyOf(fields, random.nextInt(fields.length)));
            case 3: {
                String[] copy = fields.clone();
                copy[random.nextInt(copy.length)] = garbageText(1 + random.nextInt(30));
                return String.join("|", copy);
            }
            case 4:
                return GARBAGE[random.nextInt(GARBAGE.length)];
            case 5:
                return random.nextInt(200) == 0 ? "x|".repeat(60_000) : garbageText(random.nextInt(300));
            case 6:
                return String.join("|", fields) + "|" + String.join("|", fields);
            case 7:
                return "";
            default: {
                String[] copy = fields.clone();
                copy[1] = copy[1].toLowerCase();
                return String.join("|", copy);
            }
        }
    }

    private String[] squeueRow(String id) {
        // today's order: %i|%T|%V|%S|%e|%M|%L|%D|%C|%N|%j|%k|%Z|%r
        return new String[] { id, state(), time(), time(), time(), duration(), random.nextInt(4) == 0 ? pick(LIMITS) : duration(),
                Integer.toString(1 + random.nextInt(64)), random.nextInt(10) == 0 ? "2K" : Integer.toString(1 + random.nextInt(4096)),
                random.nextBoolean() ? "" : "c3cpu-a2-u1-[1-" + (1 + random.nextInt(9)) + "]", "j" + id,
                random.nextBoolean() ? "(null)" : "namdrunner:job_" + id, "/scratch/u/namdrunner_jobs/j" + id, pick(REASONS) };
    }

    private String[] sacctRow(String id) {
        String state = switch (random.nextInt(6)) {
            case 0 -> "CANCELLED by " + random.nextInt(100_000);
            case 1 -> "CANCELLED+";
            default -> state();
        };
        // JobID,State,ExitCode,Submit,Start,End,Elapsed,TotalCPU,AllocCPUS,NNodes,ReqMem,MaxRSS,Timelimit,AllocTRES,JobName,Comment,WorkDir,Reason
        return new String[] { id, state, random.nextInt(256) + ":" + random.nextInt(65), time(), time(), time(), duration(),
                random.nextBoolean() ? "" : random.nextInt(60) + ":" + (10 + random.nextInt(50)) + "." + random.nextInt(1000),
                Integer.toString(1 + random.nextInt(64)), "1", (1 + random.nextInt(4000)) + "M", random.nextBoolean() ? "" : random.nextInt(99999) + "K",
                random.nextInt(4) == 0 ? "UNLIMITED" : duration(), "billing=1,cpu=1,mem=400M,node=1",
                "j" + id, random.nextBoolean() ? "" : "namdrunner:job_" + id, "/scratch/u/namdrunner_jobs/j" + id, pick(REASONS) };
    }

    private String state() {
        SlurmState s = SlurmState.values()[random.nextInt(SlurmState.values().length)];
        return switch (random.nextInt(5)) {
            case 0 -> s.code();
            case 1 -> "NEW_STATE_" + random.nextInt(9);
            default -> s.name();
        };
    }

    private String time() {
        if (random.nextInt(4) == 0) {
            return pick(NO_TIMES);
        }
        return String.format("2026-%02d-%02dT%02d:%02d:%02d", 1 + random.nextInt(12), 1 + random.nextInt(28),
                random.nextInt(24), random.nextInt(60), random.nextInt(60));
    }

    private String duration() {
        int h = random.nextInt(24);
        int m = random.nextInt(60);
        int s = random.nextInt(60);
        return switch (random.nextInt(3)) {
            case 0 -> m + ":" + String.format("%02d", s);
            case 1 -> h + ":" + String.format("%02d:%02d", m, s);
            default -> random.nextInt(8) + "-" + String.format("%02d:%02d:%02d", h, m, s);
        };
    }

    private String garbageText(int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int r = random.nextInt(10);
            if (r < 5) {
                sb.append((char) (' ' + random.nextInt(95)));
            } else if (r < 7) {
                sb.appendCodePoint(0x80 + random.nextInt(0x2000));
            } else if (r < 8) {
                sb.appendCodePoint(0x1F300 + random.nextInt(0x100));
            } else if (r < 9) {
                sb.append((char) random.nextInt(32));
            } else {
                sb.append('|');
            }
        }
        return sb.toString();
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
